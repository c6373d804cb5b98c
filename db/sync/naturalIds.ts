// Ids derived from what makes a row unique, for the rows two devices may well create apart: the
// same company imported from the Région's list on two computers, the same consultant's day logged
// on two. Both devices then create the same row, and sync merges its fields instead of meeting two
// rows that clash on SIRET or on (engagement, consultant, date). 26 characters of Crockford base
// 32, like the ULIDs of other rows.
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function naturalId(kind: string, ...parts: string[]): string {
  const digest = createHash('sha256').update([kind, ...parts].join('\u0000')).digest();
  let id = '';
  for (let index = 0; index < 26; index++) {
    // 5 bits at a time from the digest.
    const bit = index * 5;
    const byte = bit >> 3;
    const window = ((digest[byte]! << 8) | (digest[byte + 1] ?? 0)) >> (11 - (bit & 7));
    id += ALPHABET[window & 31]!;
  }
  return id;
}

/** The id of a company, from its SIRET. */
export const companyIdOf = (siret: string) => naturalId('company', siret);

/** The id of a consultant's day on an engagement. */
export const dayEntryIdOf = (engagementId: string, consultantId: string, date: string) => naturalId('day', engagementId, consultantId, date);

/** The id of the record of one version of an engagement's closing package (two devices closing it apart make one). */
export const packageIdOf = (engagementId: string, version: number) => naturalId('package', engagementId, String(version));

/** The id of the Région's decision on one version of an engagement's package. */
export const reviewDecisionIdOf = (engagementId: string, version: number) => naturalId('review', engagementId, String(version));

/** The id of a status change a decision of the Région made (its decision's id, the status reached). */
export const decisionStatusChangeIdOf = (decisionId: string, to: string) => naturalId('status', decisionId, to);
