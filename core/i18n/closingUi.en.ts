import type { closingUiFr } from './closingUi.fr';

export const closingUiEn: Record<keyof typeof closingUiFr, string> = {
};
