// The reviewer's comments before the decision is written: one per subject (the whole package, a
// date of the timesheet, a deliverable), kept by the page and in sessionStorage so that nothing
// typed is lost to a refresh of the view or a failed call.
import type { ReviewCommentInput } from '../../../../../core/review';
import type { ReviewDecisionKind } from '../../../../../core/reviewDecision';

/** Subject → text as typed (not trimmed: the text box shows what was typed). */
export type DraftComments = Readonly<Record<string, string>>;

export const PACKAGE_SUBJECT = 'package';

export type CommentSubject =
  | { kind: 'package' }
  | { kind: 'day'; date: string }
  | { kind: 'deliverable'; path: string };

const DAY_SUBJECT = /^days\/(\d{4}-\d{2}-\d{2})$/;
const DELIVERABLE_SUBJECT = /^deliverables\/([^/\\]{1,200})$/;

/** `days/2022-03-01`: one comment per date of the timesheet. */
export function daySubject(date: string): string {
  return `days/${date}`;
}

/**
 * A deliverable's subject is its path in the package, which already starts with `deliverables/`
 * (`deliverables/plan-action.pdf`); a bare file name is put under that folder.
 */
export function deliverableSubject(path: string): string {
  return path.startsWith('deliverables/') ? path : `deliverables/${path}`;
}

/** What a subject names, or null for anything a decision file could not hold. */
export function parseSubject(about: string): CommentSubject | null {
  if (about === PACKAGE_SUBJECT) return { kind: 'package' };
  const day = DAY_SUBJECT.exec(about);
  if (day) return { kind: 'day', date: day[1]! };
  if (DELIVERABLE_SUBJECT.test(about)) return { kind: 'deliverable', path: about };
  return null;
}

/** The drafts with `about` set to `text`; an empty text keeps the subject (the box stays as typed). */
export function withDraft(drafts: DraftComments, about: string, text: string): DraftComments {
  return { ...drafts, [about]: text };
}

export function withoutDraft(drafts: DraftComments, about: string): DraftComments {
  if (!Object.hasOwn(drafts, about)) return drafts;
  const next = { ...drafts };
  delete next[about];
  return next;
}

const SUBJECT_RANK = { package: 0, day: 1, deliverable: 2 } as const;

/**
 * The comments to send, in a reading order (the package, then the days by date, then the
 * deliverables by path), trimmed; blank ones and unknown subjects are left out.
 */
export function decisionComments(drafts: DraftComments): ReviewCommentInput[] {
  return Object.entries(drafts)
    .map(([about, text]) => ({ about, text: text.trim(), subject: parseSubject(about) }))
    .filter((entry): entry is { about: string; text: string; subject: CommentSubject } => entry.subject !== null && entry.text !== '')
    .sort((a, b) => SUBJECT_RANK[a.subject.kind] - SUBJECT_RANK[b.subject.kind] || a.about.localeCompare(b.about))
    .map(({ about, text }) => ({ about, text }));
}

/** The comments of one kind of subject that hold text, in reading order (for the lists). */
export function commentsOf(drafts: DraftComments, kind: CommentSubject['kind']): ReviewCommentInput[] {
  return decisionComments(drafts).filter((comment) => parseSubject(comment.about)?.kind === kind);
}

/**
 * Why a decision cannot be sent yet, or null: changes are only requested with a comment saying
 * which, and a package the verifier found something wrong with is never approved.
 */
export function decisionRefusal(decision: ReviewDecisionKind, drafts: DraftComments, findings: number): 'needsComment' | 'hasFindings' | null {
  if (decision === 'approved') return findings > 0 ? 'hasFindings' : null;
  return decisionComments(drafts).length === 0 ? 'needsComment' : null;
}

export const MAX_COMMENT_LENGTH = 5000;

/** The sessionStorage key of a package's drafts. */
export function draftStorageKey(packageKey: string): string {
  return `carnet.review.drafts.${packageKey}`;
}

/** Drafts read back from storage: anything that is not a map of known subjects to text is dropped. */
export function parseStoredDrafts(stored: string | null): DraftComments {
  if (!stored) return {};
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const drafts: Record<string, string> = {};
  for (const [about, text] of Object.entries(value)) {
    if (typeof text === 'string' && parseSubject(about) !== null) drafts[about] = text.slice(0, MAX_COMMENT_LENGTH);
  }
  return drafts;
}
