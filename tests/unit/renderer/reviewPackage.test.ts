import { describe, expect, it } from 'vitest';
import type { ReviewFinding, SplitComparison } from '../../../core/review';
import {
  daySubject,
  decisionComments,
  decisionRefusal,
  deliverableSubject,
  parseStoredDrafts,
  parseSubject,
  withDraft,
  withoutDraft,
} from '../../../renderer/src/screens/review/package/drafts';
import { REPORT_CONTENT_SECURITY_POLICY, sandboxedReportDocument } from '../../../renderer/src/screens/review/package/reportDocument';
import { findingsByCategory, splitRows, totalsRows } from '../../../renderer/src/screens/review/package/reviewFigures';

const PREFIX = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;

describe('the report as the review screen frames it', () => {
  it('lets the document load nothing: no default source, inline styles and data: images or fonts only', () => {
    expect(REPORT_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
  });

  it('replaces a leading doctype, whatever its case, spacing, byte-order mark or comments before it', () => {
    expect(sandboxedReportDocument('<!DOCTYPE html><html><body>R</body></html>')).toBe(`${PREFIX}<html><body>R</body></html>`);
    expect(sandboxedReportDocument('\uFEFF  \n<!doctype HTML>\n<p>R</p>')).toBe(`${PREFIX}\n<p>R</p>`);
    expect(sandboxedReportDocument('<!-- written by Carnet --><!DocType html PUBLIC "-//W3C//DTD HTML 4.01//EN"><p>R</p>')).toBe(`${PREFIX}<p>R</p>`);
  });

  it('puts the policy first in a document without doctype, and leaves a doctype further in alone', () => {
    const hostile = '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/"><script>fetch("http://127.0.0.1:9/")</script><!DOCTYPE html>';
    const framed = sandboxedReportDocument(hostile);
    expect(framed.startsWith(PREFIX)).toBe(true);
    expect(framed.slice(PREFIX.length)).toBe(hostile);
    // The policy comes before anything the report holds: the first element of the result is our meta.
    expect(framed.indexOf('<meta')).toBe(PREFIX.indexOf('<meta'));
  });
});

describe('the reviewer’s draft comments', () => {
  it('names the subjects as the decision file does', () => {
    expect(daySubject('2022-03-01')).toBe('days/2022-03-01');
    // A deliverable's path already starts with deliverables/: it is the subject as it stands.
    expect(deliverableSubject('deliverables/plan-action.pdf')).toBe('deliverables/plan-action.pdf');
    expect(deliverableSubject('plan-action.pdf')).toBe('deliverables/plan-action.pdf');
    expect(parseSubject('package')).toEqual({ kind: 'package' });
    expect(parseSubject('days/2022-03-01')).toEqual({ kind: 'day', date: '2022-03-01' });
    expect(parseSubject('deliverables/plan-action.pdf')).toEqual({ kind: 'deliverable', path: 'deliverables/plan-action.pdf' });
    expect(parseSubject('deliverables/sub/x.pdf')).toBeNull();
    expect(parseSubject('days/1 mars')).toBeNull();
  });

  it('sends the comments trimmed, blank ones left out, the package first, then days by date, then deliverables', () => {
    let drafts = withDraft({}, 'deliverables/b.pdf', ' Signature manquante ');
    drafts = withDraft(drafts, 'days/2022-03-08', 'Atelier non justifié');
    drafts = withDraft(drafts, 'package', 'Voir les remarques');
    drafts = withDraft(drafts, 'days/2022-03-01', 'Week-end ?');
    drafts = withDraft(drafts, 'days/2022-03-09', '   ');
    drafts = withDraft(drafts, 'elsewhere', 'not a subject');
    expect(decisionComments(drafts)).toEqual([
      { about: 'package', text: 'Voir les remarques' },
      { about: 'days/2022-03-01', text: 'Week-end ?' },
      { about: 'days/2022-03-08', text: 'Atelier non justifié' },
      { about: 'deliverables/b.pdf', text: 'Signature manquante' },
    ]);
    expect(decisionComments(withoutDraft(drafts, 'days/2022-03-08')).map((comment) => comment.about)).not.toContain('days/2022-03-08');
  });

  it('keeps one comment per subject: a second one replaces the first', () => {
    const drafts = withDraft(withDraft({}, 'days/2022-03-01', 'premier'), 'days/2022-03-01', 'second');
    expect(decisionComments(drafts)).toEqual([{ about: 'days/2022-03-01', text: 'second' }]);
  });

  it('asks for a comment before requesting changes, and refuses to approve a package with findings', () => {
    expect(decisionRefusal('changes_requested', {}, 0)).toBe('needsComment');
    expect(decisionRefusal('changes_requested', { package: '  ' }, 0)).toBe('needsComment');
    expect(decisionRefusal('changes_requested', { 'days/2022-03-01': 'À revoir' }, 2)).toBeNull();
    expect(decisionRefusal('approved', {}, 0)).toBeNull();
    expect(decisionRefusal('approved', { package: 'Bravo' }, 1)).toBe('hasFindings');
  });

  it('reads back stored drafts, dropping anything that is not a known subject with text', () => {
    expect(parseStoredDrafts(null)).toEqual({});
    expect(parseStoredDrafts('not json')).toEqual({});
    expect(parseStoredDrafts('["package"]')).toEqual({});
    expect(parseStoredDrafts('{"package":"Oui","days/2022-03-01":"Non","days/x":"bad","deliverables/a.pdf":3,"__proto__":"x"}')).toEqual({
      package: 'Oui',
      'days/2022-03-01': 'Non',
    });
    expect(parseStoredDrafts(JSON.stringify({ package: 'x'.repeat(6000) })).package).toHaveLength(5000);
  });
});

describe('the review screen’s figures', () => {
  const finding = (category: ReviewFinding['category'], file: string): ReviewFinding => ({ category, file, field: 'sha256', message: `${category} ${file}` });

  it('groups the findings by category in a fixed order, empty categories left out', () => {
    const groups = findingsByCategory([finding('rules', 'engagement.json'), finding('integrity', 'report.html'), finding('integrity', 'days.csv')]);
    expect(groups.map((group) => [group.category, group.findings.map((f) => f.file)])).toEqual([
      ['integrity', ['report.html', 'days.csv']],
      ['rules', ['engagement.json']],
    ]);
    expect(findingsByCategory([])).toEqual([]);
  });

  it('marks exactly the split figures that differ from the recomputation', () => {
    const split: SplitComparison = {
      stated: { halfDaysLogged: 20, amountCents: 1_200_000, publicShareCents: 600_000, companyShareCents: 600_000, dailyRateCents: 120_000, publicShareBasisPoints: 5000 },
      recomputed: { halfDaysLogged: 20, amountCents: 1_200_000, publicShareCents: 600_000, companyShareCents: 600_000 },
      matches: true,
    };
    expect(splitRows(split).every((row) => !row.differs)).toBe(true);
    const forged = { ...split, stated: { ...split.stated, publicShareCents: 700_000, companyShareCents: 500_000 }, matches: false };
    expect(splitRows(forged).filter((row) => row.differs).map((row) => row.field)).toEqual(['publicShareCents', 'companyShareCents']);
    // A figure that could not be recomputed (NaN) differs from any stated one.
    expect(totalsRows(split.recomputed, { ...split.recomputed, amountCents: Number.NaN }).find((row) => row.field === 'amountCents')?.differs).toBe(true);
  });
});
