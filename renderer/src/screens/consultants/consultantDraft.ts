// What the consultant form sends: the consultant as edited and, for an existing one, the values the
// form started from, so that the service writes only what the user changed (core/contract.ts).
import type { InputOf } from '../../../../core/contract';
import type { Consultant } from '../../../../core/domain';

export type ConsultantFields = Omit<Consultant, 'id'>;

/** A new consultant is sent whole; a change carries `base`, the consultant as the form loaded it. */
export function consultantSaveInput(loaded: Consultant | null, edited: ConsultantFields): InputOf<'consultants.save'> {
  if (!loaded) return edited;
  const { id, name, email, dailyRateCents } = loaded;
  return { id, ...edited, base: { name, email, dailyRateCents } };
}
