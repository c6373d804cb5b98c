// Pure wording helpers of the sync status line and screen (no React): tested in tests/unit/renderer.
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { SyncProblem } from '../../../core/syncReport';

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How long ago `iso` was, as the status line says it (« il y a 2 min », « hier »), or null under
 * a minute (the caller says « à l’instant »). A clock a little behind the other device's counts as now.
 */
export function formatAgo(iso: string, nowMs: number, intlLocale: string): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const seconds = Math.max(0, Math.round((nowMs - then) / 1000));
  if (seconds < 60) return null;
  let format = relativeFormats.get(intlLocale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto', style: 'short' });
    relativeFormats.set(intlLocale, format);
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** A sync's duration in whole seconds and minutes: { minutes, seconds }, or null under a second. */
export function durationParts(startedAt: string, finishedAt: string): { minutes: number; seconds: number } | null {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (!Number.isFinite(ms) || ms < 1000) return null;
  const total = Math.round(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** The problems the status line counts: errors and warnings (information notes stay on the screen). */
export function alertingProblems(problems: readonly SyncProblem[]): number {
  return problems.filter((problem) => problem.severity !== 'info').length;
}

/** The worst severity among problems, for the status line's icon. */
export function worstSeverity(problems: readonly SyncProblem[]): SyncProblem['severity'] | null {
  if (problems.some((problem) => problem.severity === 'error')) return 'error';
  if (problems.some((problem) => problem.severity === 'warning')) return 'warning';
  return problems.length > 0 ? 'info' : null;
}

/** Errors first, then warnings, then notes; the service's order within each. */
export function bySeverity(problems: readonly SyncProblem[]): SyncProblem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return problems.map((problem, index) => ({ problem, index })).sort((a, b) => rank[a.problem.severity] - rank[b.problem.severity] || a.index - b.index).map(({ problem }) => problem);
}

/** Messages with a `.one` form for exactly one: « 1 conflit », « 3 conflits ». */
export type CountKey =
  | 'syncUi.count.ops'
  | 'syncUi.count.files'
  | 'syncUi.count.devices'
  | 'syncUi.count.cells'
  | 'syncUi.line.waiting'
  | 'syncUi.line.problems'
  | 'syncUi.line.conflicts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** « 1 conflit » or « 3 conflits », the number written as the locale writes it. */
export function countText(t: Translate, formatNumber: (value: number) => string, key: CountKey, count: number): string {
  return count === 1 ? t(`${key}.one`) : t(key, { count: formatNumber(count) });
}
