// The review decision file of the spec: written in its key order, read only for the package it names.
import { describe, expect, it } from 'vitest';
import { readReviewDecision, reviewDecisionJson, reviewPathOf, type ReviewDecision } from '../../../core/reviewDecision';

const SHA = 'a'.repeat(64);
const decision: ReviewDecision = {
  format: 'carnet.review-decision',
  formatVersion: 1,
  engagementRef: 'RD-2022-014',
  version: 1,
  packageManifestSha256: SHA,
  decision: 'changes_requested',
  comments: [
    { about: 'days/2022-03-01', text: 'Le résumé de cette journée ne décrit pas l’atelier annoncé.' },
    { about: 'deliverables/rapport-final.pdf', text: 'Signature manquante.' },
    { about: 'package', text: 'Merci de corriger et de renvoyer.' },
  ],
  reviewer: 'Service Industrie, Région Centre-Val de Loire',
  decidedAt: '2022-06-10T09:12:00.000Z',
};
const expected = { engagementRef: 'RD-2022-014', version: 1, manifestSha256: SHA };

describe('review decisions', () => {
  it('are written with the keys in the order of the spec, and read back', () => {
    const text = reviewDecisionJson({ ...decision, decidedAt: decision.decidedAt, reviewer: decision.reviewer });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'formatVersion', 'engagementRef', 'version', 'packageManifestSha256', 'decision', 'comments', 'reviewer', 'decidedAt']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readReviewDecision(text, expected)).toEqual({ state: 'valid', decision });
    expect(reviewPathOf('RD-2022-014', 2)).toBe('reviews/RD-2022-014/v2.json');
  });

  it('are ignored when about another manifest, and refused when malformed or misplaced', () => {
    expect(readReviewDecision(reviewDecisionJson(decision), { ...expected, manifestSha256: 'b'.repeat(64) }).state).toBe('mismatch');
    expect(readReviewDecision(reviewDecisionJson(decision), { ...expected, version: 2 }).state).toBe('invalid');
    expect(readReviewDecision('{"format":', expected).state).toBe('invalid');
    expect(readReviewDecision(JSON.stringify({ ...decision, decision: 'maybe' }), expected).state).toBe('invalid');
    expect(readReviewDecision(JSON.stringify({ ...decision, comments: [{ about: 'days/../../etc', text: 'x' }] }), expected).state).toBe('invalid');
    expect(readReviewDecision(JSON.stringify({ ...decision, extra: true }), expected).state).toBe('invalid');
  });
});
