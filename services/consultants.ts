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

export async function saveConsultant(context: ServiceContext, input: ConsultantInput): Promise<Consultant> {
  const consultant: Consultant = { id: input.id ?? context.newId(), name: input.name.trim(), email: input.email.trim(), dailyRateCents: input.dailyRateCents };
  const issues: RuleIssue[] = [];
  if (!consultant.name) issues.push(ruleError('name', 'rule.consultant.name.required'));
  if (!EMAIL.test(consultant.email)) issues.push(ruleError('email', 'rule.consultant.email.format', { value: consultant.email }));
  if (consultant.dailyRateCents <= 0) issues.push(ruleError('dailyRateCents', 'rule.consultant.rate.positive', { value: consultant.dailyRateCents }));
  refuseOnErrors(issues, context.settings.get().locale);
  if (input.id) {
    const updated = await context.db('consultants').where({ id: input.id }).update(consultantToRow(consultant));
    if (updated === 0) throw new CarnetError('not_found', 'error.not_found.consultant', { id: input.id }, { field: 'id' });
  } else {
    await context.db('consultants').insert(consultantToRow(consultant));
  }
  return consultant;
}
