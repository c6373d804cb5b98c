import type { EnvelopeFigures } from '../core/domainViews';
import type { EngagementStatus, Programme } from '../core/domain';
import { maxPublicShareCents } from '../core/envelope';
import { isReserving } from '../core/lifecycle';
import { amountForHalfDays, publicShareOf } from '../core/money';
import type { Database } from '../db/connection';

export interface EngagementMoneyRow {
  id: string;
  ref: string;
  status: EngagementStatus;
  allowance_days: number;
  daily_rate_cents: number;
  half_days_logged: number;
}

/** The engagements of a programme with their logged half days, in one query. */
export async function engagementMoneyRows(db: Database, programmeId: string): Promise<EngagementMoneyRow[]> {
  const logged = db('day_entries').select('engagement_id').sum({ half_days_logged: 'half_days' }).groupBy('engagement_id').as('logged');
  const rows = await db('engagements as e')
    .leftJoin(logged, 'logged.engagement_id', 'e.id')
    .where('e.programme_id', programmeId)
    .select('e.id', 'e.ref', 'e.status', 'e.allowance_days', 'e.daily_rate_cents', 'logged.half_days_logged');
  return rows.map((row: EngagementMoneyRow) => ({ ...row, half_days_logged: Number(row.half_days_logged ?? 0) }));
}

export function envelopeFigures(programme: Pick<Programme, 'envelopeCents' | 'publicShareBasisPoints'>, rows: EngagementMoneyRow[]): EnvelopeFigures {
  let committedCents = 0;
  let consumedCents = 0;
  let approvedCents = 0;
  for (const row of rows) {
    if (!isReserving(row.status)) continue;
    committedCents += maxPublicShareCents({ allowanceDays: row.allowance_days, dailyRateCents: row.daily_rate_cents }, programme.publicShareBasisPoints);
    const share = publicShareOf(amountForHalfDays(row.half_days_logged, row.daily_rate_cents), programme.publicShareBasisPoints);
    consumedCents += share;
    if (row.status === 'approved' || row.status === 'closed') approvedCents += share;
  }
  return { envelopeCents: programme.envelopeCents, committedCents, consumedCents, approvedCents, remainingCents: programme.envelopeCents - committedCents };
}
