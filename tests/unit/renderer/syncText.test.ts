import { describe, expect, it } from 'vitest';
import { translate } from '../../../core/i18n';
import type { SyncProblem } from '../../../core/syncReport';
import { hrefs, parseRoute, syncSectionOf } from '../../../renderer/src/router';
import { alertingProblems, bySeverity, countText, durationParts, formatAgo, worstSeverity } from '../../../renderer/src/sync/syncText';

const problem = (severity: SyncProblem['severity'], message: string = severity): SyncProblem => ({ kind: 'unknown_file', severity, message });
const NOW = Date.parse('2024-06-03T10:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('sync status wording', () => {
  it('says how long ago a sync finished, or nothing under a minute', () => {
    expect(formatAgo(ago(20_000), NOW, 'fr-FR')).toBeNull();
    // A clock slightly behind the other device's: still « à l’instant ».
    expect(formatAgo(new Date(NOW + 5_000).toISOString(), NOW, 'fr-FR')).toBeNull();
    expect(formatAgo(ago(2 * 60_000), NOW, 'fr-FR')).toBe('il y a 2\u00a0min');
    expect(formatAgo(ago(3 * 3_600_000), NOW, 'fr-FR')).toMatch(/^il y a 3\sh$/);
    expect(formatAgo(ago(26 * 3_600_000), NOW, 'fr-FR')).toBe('hier');
    expect(formatAgo(ago(5 * 60_000), NOW, 'en-GB')).toBe('5 min ago');
    expect(formatAgo('not a date', NOW, 'fr-FR')).toBeNull();
  });

  it('gives a duration in minutes and seconds, or null under a second', () => {
    expect(durationParts('2024-06-03T10:00:00.000Z', '2024-06-03T10:00:00.400Z')).toBeNull();
    expect(durationParts('2024-06-03T10:00:00.000Z', '2024-06-03T10:00:12.600Z')).toEqual({ minutes: 0, seconds: 13 });
    expect(durationParts('2024-06-03T10:00:00.000Z', '2024-06-03T10:02:05.000Z')).toEqual({ minutes: 2, seconds: 5 });
  });

  it('counts errors and warnings as problems, information apart, and orders them by severity', () => {
    const problems = [problem('info', 'a'), problem('warning', 'b'), problem('error', 'c'), problem('warning', 'd')];
    expect(alertingProblems(problems)).toBe(3);
    expect(worstSeverity(problems)).toBe('error');
    expect(worstSeverity([problem('info')])).toBe('info');
    expect(worstSeverity([])).toBeNull();
    expect(bySeverity(problems).map((item) => item.message)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('says one and many in both languages', () => {
    const fr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
    const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
    const number = (value: number) => new Intl.NumberFormat('fr-FR').format(value);
    expect(countText(fr, number, 'syncUi.line.conflicts', 1)).toBe('1 conflit');
    expect(countText(fr, number, 'syncUi.line.waiting', 45_000)).toBe('45\u202f000 modifications en attente');
    expect(countText(en, String, 'syncUi.line.problems', 2)).toBe('2 problems');
  });
});

describe('the sync route', () => {
  it('is reached with or without a section', () => {
    expect(parseRoute(hrefs.sync())).toEqual({ name: 'sync' });
    expect(parseRoute(hrefs.sync('conflicts'))).toEqual({ name: 'sync' });
    expect(syncSectionOf(hrefs.sync('conflicts'))).toBe('conflicts');
    expect(syncSectionOf(hrefs.sync('problems'))).toBe('problems');
    expect(syncSectionOf(hrefs.sync())).toBeNull();
    expect(syncSectionOf('#/sync?section=nope')).toBeNull();
  });
});
