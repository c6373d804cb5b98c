// The Région's decision on a closing package (spec/closing-package.md, "Review decision"):
// `<shared folder>/reviews/<engagementRef>/v<version>.json`, written once, never edited. The
// firm's app applies it only when `packageManifestSha256` names the package it recorded.
import { z } from 'zod';
import { ENGAGEMENT_REF_PATTERN } from './closingPackage';

export const REVIEW_FORMAT = 'carnet.review-decision';
export const REVIEW_FORMAT_VERSION = 1;
export const REVIEWS_FOLDER = 'reviews';
export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** What a comment is about: the whole package, one date of the timesheet, or one deliverable. */
const about = z.union([
  z.literal('package'),
  z.string().regex(/^days\/\d{4}-\d{2}-\d{2}$/),
  z.string().regex(/^deliverables\/[^/\\]{1,200}$/),
]);

export const reviewDecisionSchema = z.strictObject({
  format: z.literal(REVIEW_FORMAT),
  formatVersion: z.literal(REVIEW_FORMAT_VERSION),
  engagementRef: z.string().regex(ENGAGEMENT_REF_PATTERN).max(64),
  version: z.number().int().min(1).max(999_999),
  packageManifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  decision: z.enum(REVIEW_DECISIONS),
  comments: z.array(z.strictObject({ about, text: z.string().min(1).max(5000) })).max(500),
  reviewer: z.string().min(1).max(200),
  decidedAt: z.iso.datetime(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A decision holds at most 500 comments of 5 000 characters: a larger file is not one. */
export const MAX_DECISION_BYTES = 16 * 1024 * 1024;

/** A decision's file, relative to the shared folder. */
export const reviewPathOf = (engagementRef: string, version: number) => `${REVIEWS_FOLDER}/${engagementRef}/v${version}.json`;

/** The file's text: keys in the spec's order, two-space indent, final newline. */
export function reviewDecisionJson(decision: ReviewDecision): string {
  const ordered: ReviewDecision = {
    format: decision.format,
    formatVersion: decision.formatVersion,
    engagementRef: decision.engagementRef,
    version: decision.version,
    packageManifestSha256: decision.packageManifestSha256,
    decision: decision.decision,
    comments: decision.comments.map((comment) => ({ about: comment.about, text: comment.text })),
    reviewer: decision.reviewer,
    decidedAt: decision.decidedAt,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export type DecisionReading =
  | { state: 'valid'; decision: ReviewDecision }
  | { state: 'invalid'; reason: string }
  /** Valid, but about another package than the one recorded under that version: ignored. */
  | { state: 'mismatch'; decision: ReviewDecision };

/**
 * Reads a decision file for the package recorded as (`engagementRef`, `version`, manifest hash):
 * invalid JSON or schema, a file that names another reference or version than its path, or a
 * decision about another manifest is never applied.
 */
export function readReviewDecision(text: string, expected: { engagementRef: string; version: number; manifestSha256: string }): DecisionReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { state: 'invalid', reason: (error as Error).message };
  }
  const parsed = reviewDecisionSchema.safeParse(value);
  if (!parsed.success) return { state: 'invalid', reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || '—'}: ${issue.code}`).join(', ') };
  const decision = parsed.data;
  if (decision.engagementRef !== expected.engagementRef || decision.version !== expected.version) {
    return { state: 'invalid', reason: `${decision.engagementRef} v${decision.version} ≠ ${expected.engagementRef} v${expected.version}` };
  }
  if (decision.packageManifestSha256 !== expected.manifestSha256) return { state: 'mismatch', decision };
  return { state: 'valid', decision };
}
