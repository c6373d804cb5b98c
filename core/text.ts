// Text as French readers sort and search it; shared by the services and the renderer.

/** Names in the order a French reader expects (a binary order sends « É » after « Z »). */
export const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Lower case, accents removed: « Écully » matches « ecu », « orleans » finds « Orléans ». */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
