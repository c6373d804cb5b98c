// The Région's decisions on the firm's engagement page: which decision is current, where each
// comment goes, which ignored files to warn about on top, and what « Vérifier les décisions » says.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../../core/i18n';
import type { PackageRecord } from '../../../core/domain';
import type { DecisionCheck, ReceivedDecision, ReviewComment, ReviewRecord } from '../../../core/review';
import { currentReview, ignoredByVersion, latestPackageVersion, pendingIgnored, placeComments } from '../../../renderer/src/screens/engagement/review/firmReview';
import { describeCheck } from '../../../renderer/src/screens/engagement/review/useDecisionCheck';

const pkg = (version: number): PackageRecord => ({
  id: `p${version}`,
  engagementId: 'e1',
  version,
  createdAt: '2022-06-01T10:00:00.000Z',
  createdBy: 'Sophie Tanguy',
  manifestSha256: String(version).repeat(64),
  folder: `/srv/echange/packages/RD-2022-008/v${version}`,
  halfDaysLogged: 15,
  amountCents: 675_000,
});

const comment = (about: string, overrides: Partial<ReviewComment> = {}): ReviewComment => ({
  about,
  text: `À propos de ${about}`,
  date: about.startsWith('days/') ? about.slice(5) : null,
  deliverableId: null,
  ...overrides,
});

const review = (version: number, comments: ReviewComment[] = [], decision: ReviewRecord['decision'] = 'changes_requested'): ReviewRecord => ({
  version,
  decision,
  reviewer: 'Claire Moreau',
  decidedAt: '2022-07-20T09:30:00.000Z',
  comments,
});

const received = (version: number, state: ReceivedDecision['state'], engagementId = 'e1'): ReceivedDecision => ({
  engagementId,
  ref: 'RD-2022-008',
  version,
  path: `/srv/echange/reviews/RD-2022-008/v${version}.json`,
  state,
  decision: state === 'invalid' ? null : 'approved',
  reason: state === 'applied' ? null : 'empreinte différente',
  readAt: '2022-07-21T08:00:00.000Z',
});

describe('the current decision', () => {
  it('is the one on the package last submitted, not one on an older version', () => {
    expect(latestPackageVersion({ packages: [] })).toBeNull();
    expect(latestPackageVersion({ packages: [pkg(2), pkg(1)] })).toBe(2);
    expect(currentReview({ packages: [], reviews: [] })).toBeNull();
    expect(currentReview({ packages: [pkg(1)], reviews: [review(1)] })?.version).toBe(1);
    // v2 submitted after the changes asked on v1: v1's decision is history.
    expect(currentReview({ packages: [pkg(1), pkg(2)], reviews: [review(1)] })).toBeNull();
    expect(currentReview({ packages: [pkg(1), pkg(2)], reviews: [review(2, [], 'approved'), review(1)] })?.decision).toBe('approved');
  });
});

describe('where each comment goes', () => {
  const days = [{ date: '2022-04-21' }, { date: '2022-04-27' }, { date: '2022-04-27' }];
  const deliverables = [{ id: 'd1' }, { id: 'd2' }];

  it('beside its day, beside its deliverable, or in the banner', () => {
    const placed = placeComments(
      review(1, [
        comment('package'),
        comment('days/2022-04-27'),
        comment('days/2022-04-27', { text: 'Et le lieu ?' }),
        comment('deliverables/diagnostic.pdf', { deliverableId: 'd1' }),
        // The file was removed or replaced since: no deliverable has its bytes any more.
        comment('deliverables/annexe.pdf'),
        // Its id is known but the deliverable is gone from this engagement.
        comment('deliverables/plan.pdf', { deliverableId: 'd9' }),
        // A date the days were moved away from.
        comment('days/2022-05-02'),
      ]),
      days,
      deliverables,
    );
    expect(placed.package.map((c) => c.about)).toEqual(['package']);
    expect([...placed.byDate.keys()]).toEqual(['2022-04-27']);
    expect(placed.byDate.get('2022-04-27')!.map((c) => c.text)).toEqual(['À propos de days/2022-04-27', 'Et le lieu ?']);
    expect([...placed.byDeliverable.keys()]).toEqual(['d1']);
    expect(placed.unplaced.map(({ comment: c, kind }) => `${kind}:${c.about}`)).toEqual(['deliverable:deliverables/annexe.pdf', 'deliverable:deliverables/plan.pdf', 'day:days/2022-05-02']);
  });

  it('nowhere without a current decision', () => {
    const placed = placeComments(null, days, deliverables);
    expect(placed.package).toEqual([]);
    expect(placed.byDate.size + placed.byDeliverable.size + placed.unplaced.length).toBe(0);
  });
});

describe('ignored decision files', () => {
  it('are grouped by version for the packages table', () => {
    const map = ignoredByVersion([received(2, 'mismatch'), received(1, 'invalid'), received(1, 'mismatch')]);
    expect(map.get(1)!.map((d) => d.state)).toEqual(['invalid', 'mismatch']);
    expect(map.get(2)).toHaveLength(1);
    expect(map.get(3)).toBeUndefined();
  });

  it('are told on top only while the package last submitted still waits for a valid decision', () => {
    const ignoredDecisions = [received(1, 'mismatch')];
    expect(pendingIgnored({ packages: [pkg(1)], reviews: [], ignoredDecisions })).toHaveLength(1);
    // A valid decision for v1 came since: nothing to warn about on top any more.
    expect(pendingIgnored({ packages: [pkg(1)], reviews: [review(1)], ignoredDecisions })).toEqual([]);
    // About v1 while v2 is the one waiting.
    expect(pendingIgnored({ packages: [pkg(1), pkg(2)], reviews: [], ignoredDecisions })).toEqual([]);
    expect(pendingIgnored({ packages: [], reviews: [], ignoredDecisions })).toEqual([]);
  });
});

describe('what « Vérifier les décisions » says', () => {
  const t = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
  const words = { t, time: '10:05' };
  const check = (applied: ReceivedDecision[], ignored: ReceivedDecision[]): DecisionCheck => ({ applied, ignored });

  it('names what was applied or ignored for this engagement, and counts the others', () => {
    const applied = { ...received(1, 'applied'), decision: 'changes_requested' as const };
    expect(describeCheck(check([applied], []), 'e1', words)).toEqual({
      tone: 'ok',
      lines: ['Vérifié à 10:05 : décision appliquée pour la version 1 (modifications demandées).'],
      noFolder: false,
    });
    const outcome = describeCheck(check([received(1, 'applied', 'e2')], [received(2, 'mismatch')]), 'e1', words)!;
    expect(outcome.tone).toBe('warning');
    expect(outcome.lines).toEqual(['Vérifié à 10:05 : la décision reçue pour la version 2 a été ignorée (voir ci-dessous).', 'Une décision a aussi été lue pour une autre mission.']);
  });

  it('leaves « nothing new » to the caller when nothing was for this engagement', () => {
    expect(describeCheck(check([], []), 'e1', words)).toBeNull();
    expect(describeCheck(check([received(1, 'applied', 'e2'), received(1, 'applied', 'e3')], []), 'e1', words)).toBeNull();
  });
});
