// firmReview messages (French is the reference).
export const firmReviewFr = {
} as const;
