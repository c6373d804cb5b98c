import type { z } from 'zod';
import type { contract } from '../core/contract';
import { LOCKED_STATUSES, type Deliverable, type EngagementStatus } from '../core/domain';
import { CarnetError } from '../core/errors';
import { deliverableFromRow, deliverableToRow, type DeliverableRow } from '../db/rows';
import type { ServiceContext } from './context';

type AttachInput = z.output<(typeof contract)['deliverables.attach']['input']>;

async function unlockedEngagement(context: ServiceContext, engagementId: string): Promise<{ ref: string; status: EngagementStatus }> {
  const engagement: { ref: string; status: EngagementStatus } | undefined = await context.db('engagements').where({ id: engagementId }).first('ref', 'status');
  if (!engagement) throw new CarnetError('not_found', 'error.not_found.engagement', { id: engagementId }, { field: 'engagementId' });
  if (LOCKED_STATUSES.includes(engagement.status)) {
    throw new CarnetError('rule_violation', 'rule.deliverable.locked', { ref: engagement.ref }, { field: 'engagementId' });
  }
  return engagement;
}

/** Keeps the file's bytes (by SHA-256) and records it as a deliverable of the engagement. */
export async function attachDeliverable(context: ServiceContext, input: AttachInput): Promise<Deliverable> {
  await unlockedEngagement(context, input.engagementId);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.byteLength === 0) throw new CarnetError('rule_violation', 'rule.deliverable.empty', { fileName: input.fileName }, { field: 'contentBase64' });
  const stored = await context.files.put(content);
  const deliverable: Deliverable = {
    id: context.newId(),
    engagementId: input.engagementId,
    kind: input.kind,
    title: input.title,
    fileName: input.fileName,
    bytes: stored.bytes,
    sha256: stored.sha256,
  };
  await context.db('deliverables').insert(deliverableToRow(deliverable));
  return deliverable;
}

/** Removes a deliverable from an engagement that is not locked (its bytes stay for older packages). */
export async function removeDeliverable(context: ServiceContext, id: string): Promise<{ removed: true }> {
  const row: DeliverableRow | undefined = await context.db('deliverables').where({ id }).first();
  if (!row) throw new CarnetError('not_found', 'error.not_found.deliverable', { id }, { field: 'id' });
  await unlockedEngagement(context, deliverableFromRow(row).engagementId);
  await context.db('deliverables').where({ id }).delete();
  return { removed: true };
}
