import type { z } from 'zod';
import type { contract } from '../core/contract';
import type { Consultant } from '../core/domain';
import { CarnetError } from '../core/errors';
import { ruleError, type RuleIssue } from '../core/rules';
import type { Database } from '../db/connection';
import { consultantFromRow, consultantToRow, type ConsultantRow } from '../db/rows';
import type { ServiceContext } from './context';
import { refuseOnErrors } from './findings';
import { frenchOrder } from '../core/text';

type ConsultantInput = z.output<(typeof contract)['consultants.save']['input']>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function listConsultants(db: Database): Promise<Consultant[]> {
  return (await db<ConsultantRow>('consultants')).map(consultantFromRow).sort((a, b) => frenchOrder.compare(a.name, b.name));
}

type ConsultantFields = Omit<Consultant, 'id'>;

/** The fields as they would be stored (text trimmed), so that spacing alone is no change. */
const stored = (fields: ConsultantFields): ConsultantFields => ({ name: fields.name.trim(), email: fields.email.trim(), dailyRateCents: fields.dailyRateCents });

/**
 * The fields a save leads to. A change with `base` (the values its form started from) takes from
 * the input only the fields that differ from base, and keeps the others as they are now: sync may
 * have brought another device's change to them since (core/contract.ts).
 */
function fieldsAfter(input: ConsultantInput, current: Consultant | null): ConsultantFields {
  if (!current || !input.base) return input;
  const typed = stored(input);
  const started = stored(input.base);
  const pick = <K extends keyof ConsultantFields>(field: K): ConsultantFields[K] => (typed[field] === started[field] ? current[field] : input[field]);
  return { name: pick('name'), email: pick('email'), dailyRateCents: pick('dailyRateCents') };
}

async function getConsultant(db: Database, id: string): Promise<Consultant> {
  const row = await db<ConsultantRow>('consultants').where({ id }).first();
  if (!row) throw new CarnetError('not_found', 'error.not_found.consultant', { id }, { field: 'id' });
  return consultantFromRow(row);
}

export async function saveConsultant(context: ServiceContext, input: ConsultantInput): Promise<Consultant> {
  return context.db.transaction(async (trx) => {
    const current = input.id ? await getConsultant(trx, input.id) : null;
    const fields = fieldsAfter(input, current);
    const consultant: Consultant = { id: current?.id ?? context.newId(), ...stored(fields) };
    const issues: RuleIssue[] = [];
    if (!consultant.name) issues.push(ruleError('name', 'rule.consultant.name.required'));
    if (!EMAIL.test(consultant.email)) issues.push(ruleError('email', 'rule.consultant.email.format', { value: consultant.email }));
    if (consultant.dailyRateCents <= 0) issues.push(ruleError('dailyRateCents', 'rule.consultant.rate.positive', { value: consultant.dailyRateCents }));
    refuseOnErrors(issues, context.settings.get().locale);
    if (current) await trx('consultants').where({ id: consultant.id }).update(consultantToRow(consultant));
    else await trx('consultants').insert(consultantToRow(consultant));
    return consultant;
  });
}
