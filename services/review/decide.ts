// The Région's decision on a package, written once as `reviews/<ref>/v<n>.json` (spec,
// "Review decision"): complete or absent for every reader, and never replaced.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../../core/errors';
import type { ReviewCommentInput, WrittenDecision } from '../../core/review';
import { REVIEW_FORMAT, REVIEW_FORMAT_VERSION, reviewDecisionJson, reviewDecisionSchema, type ReviewDecision, type ReviewDecisionKind } from '../../core/reviewDecision';
import type { ServiceContext } from '../context';
import { verifyPackage } from '../closing/verify';
import { reviewPackage } from './packageView';

export interface DecideInput {
  key: string;
  decision: ReviewDecisionKind;
  comments: ReviewCommentInput[];
}

/** File systems without hard links (some network shares, FAT): `link` fails with one of these. */
const NO_LINK_CODES = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'];

/**
 * Puts `content` at `target` only if nothing is there: written and flushed under a temporary
 * name, then hard-linked into place (which fails if `target` exists, even when another reviewer
 * writes at the same moment). Where links are not supported, an exclusive copy.
 */
export async function writeFileOnce(target: string, content: string, linkFile: typeof link = link): Promise<'written' | 'exists'> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, content, { flush: true });
    try {
      await linkFile(temporary, target);
      return 'written';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return 'exists';
      if (!NO_LINK_CODES.includes(code)) throw error;
      // No links here: a copy that refuses to replace a file (created exclusively). A reader may
      // see it half written for a moment; the firm's app reads a decision again when it changes.
      try {
        await copyFile(temporary, target, constants.COPYFILE_EXCL);
        return 'written';
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
        throw copyError;
      }
    }
  } finally {
    await rm(temporary, { force: true });
  }
}

export async function decide(context: ServiceContext, input: DecideInput): Promise<WrittenDecision> {
  const view = await reviewPackage(context, input.key);
  const { row } = view;
  const ref = `${row.ref} v${row.version}`;
  if (view.decision) throw new CarnetError('rule_violation', 'review.decide.alreadyDecided', { ref, decision: view.decision.decision, path: view.decisionPath });
  if (!row.manifestSha256 || row.version < 1) throw new CarnetError('rule_violation', 'review.decide.noManifest', { ref });
  const reviewer = context.settings.get().reviewerName.trim();
  if (!reviewer) throw new CarnetError('rule_violation', 'review.decide.noReviewer', {}, { field: 'reviewerName' });
  // Verified again now, whatever the queue remembers: the decision vouches for these very bytes.
  const fresh = await verifyPackage(row.folder, context.settings.get().locale);
  if (fresh.manifestSha256 !== row.manifestSha256) {
    throw new CarnetError('rule_violation', 'review.decide.packageChanged', { ref, changed: 'manifest.json' });
  }
  if (fresh.findings.length !== row.findings.length) {
    throw new CarnetError('rule_violation', 'review.decide.packageChanged', { ref, changed: fresh.findings[0]?.message ?? '—' });
  }
  // A package that is not where its manifest says (`packages/<ref>/v<n>`): its decision would land
  // on another package's name.
  const misplaced = fresh.findings.find((finding) => finding.rule === 'package.verify.refFolder' || finding.rule === 'package.verify.versionFolder');
  if (misplaced) throw new CarnetError('rule_violation', 'review.decide.invalid', { ref, field: misplaced.field, issue: misplaced.message });
  if (input.decision === 'approved' && fresh.findings.length > 0) {
    throw new CarnetError('rule_violation', 'review.decide.approveWithFindings', { ref, count: fresh.findings.length, first: fresh.findings[0]!.message });
  }
  if (input.decision === 'changes_requested' && input.comments.length === 0) throw new CarnetError('rule_violation', 'review.decide.noComment', { ref }, { field: 'comments' });

  const dates = new Set(view.days.map((day) => day.date));
  const deliverables = new Set(view.deliverables.map((deliverable) => deliverable.path));
  const seen = new Set<string>();
  for (const [index, comment] of input.comments.entries()) {
    const field = `comments.${index}.about`;
    const known = comment.about === 'package' || (comment.about.startsWith('days/') && dates.has(comment.about.slice(5))) || deliverables.has(comment.about);
    if (!known) throw new CarnetError('rule_violation', 'review.decide.unknownAbout', { about: comment.about, ref }, { field });
    if (comment.about !== 'package' && seen.has(comment.about)) throw new CarnetError('rule_violation', 'review.decide.twiceAbout', { about: comment.about }, { field });
    seen.add(comment.about);
  }

  const parsed = reviewDecisionSchema.safeParse({
    format: REVIEW_FORMAT,
    formatVersion: REVIEW_FORMAT_VERSION,
    engagementRef: row.ref,
    version: row.version,
    packageManifestSha256: row.manifestSha256,
    decision: input.decision,
    comments: input.comments.map((comment) => ({ about: comment.about, text: comment.text.trim() })),
    reviewer,
    decidedAt: context.now().toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CarnetError('rule_violation', 'review.decide.invalid', { ref, field: issue.path.map(String).join('.') || '—', issue: issue.message });
  }
  const decision: ReviewDecision = parsed.data;
  let outcome: 'written' | 'exists';
  try {
    outcome = await writeFileOnce(view.decisionPath, reviewDecisionJson(decision));
  } catch (error) {
    throw new CarnetError('file_system', 'review.decide.writeFailed', { path: view.decisionPath, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (outcome === 'exists') throw new CarnetError('rule_violation', 'review.decide.fileExists', { ref, path: view.decisionPath });
  return { decision, path: view.decisionPath };
}
