import type { firmReviewFr } from './firmReview.fr';

export const firmReviewEn: Record<keyof typeof firmReviewFr, string> = {
};
