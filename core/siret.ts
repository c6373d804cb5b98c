// French company identifiers (PRODUCT.md, "Company"): SIRET = SIREN (9 digits) + NIC (5 digits),
// both protected by the Luhn checksum, with La Poste's establishments as the documented exception.

const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export type SiretProblem = 'format' | 'checksum';

/** Why a SIRET is invalid, or null when it is valid. Spaces are tolerated (`552 081 317 00011`). */
export function siretProblem(input: string): SiretProblem | null {
  const siret = normaliseSiret(input);
  if (!/^\d{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // La Poste numbers its many establishments past what Luhn allows: digit sum multiple of 5.
    const digitSum = [...siret].reduce((sum, c) => sum + Number(c), 0);
    return luhnValid(siret) || digitSum % 5 === 0 ? null : 'checksum';
  }
  return luhnValid(siret) && luhnValid(siret.slice(0, 9)) ? null : 'checksum';
}

export function sirenProblem(input: string): SiretProblem | null {
  const siren = normaliseSiret(input);
  if (!/^\d{9}$/.test(siren)) return 'format';
  return luhnValid(siren) || siren === LA_POSTE_SIREN ? null : 'checksum';
}

export function normaliseSiret(input: string): string {
  return input.replace(/[\s\u00a0\u202f]/g, '');
}

export function sirenOf(siret: string): string {
  return normaliseSiret(siret).slice(0, 9);
}

/** NAF (APE) code `NN.NNL`, accepted without the dot, stored with it and upper-cased. */
export function normaliseNafCode(input: string): string | null {
  const match = /^(\d{2})\.?(\d{2})([A-Za-z])$/.exec(input.trim());
  return match ? `${match[1]}.${match[2]}${match[3]!.toUpperCase()}` : null;
}
