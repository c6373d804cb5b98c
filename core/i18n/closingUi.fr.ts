// Screens of issue 5: deliverables, « Clôturer la mission », packages, exports, settings (French reference).
export const closingUiFr = {
} as const;
