// Benchmark: the whole closing package of a 12-day engagement (issue 5's target: under 300 ms),
// from the checklist to the engagement submitted: engagement.json, CSV, XLSX, report PDF and
// HTML, attestation PDF, two deliverables of 1 MiB copied, manifest, rename, record. Each round
// reopens the engagement (the Région's request for changes → in progress → completed), so each
// writes v<n+1>.
// Prints JSON; never asserts. Run: npm run bench -- closing-package
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addDays, dayFlags } from '../core/calendar';
import { buildEngagementFile } from '../core/closingPackage';
import { reviewDecisionJson, reviewPathOf } from '../core/reviewDecision';
import { luhnValid } from '../core/siret';
import { DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../db/defaultProgramme';
import { openApplication } from '../services/application';
import { closeEngagement } from '../services/closing/close';
import { DOCUMENT_ORDER, DOCUMENTS } from '../services/closing/documents';
import { verifyPackage } from '../services/closing/verify';
import { getEngagement } from '../services/engagements';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const DELIVERABLE_BYTES = Number(process.env.DELIVERABLE_BYTES ?? 1024 * 1024);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-closing-'));
const shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-shared-'));
const app = await openApplication({ dataDir, actor: 'bench' });

async function call<T>(method: string, input: unknown): Promise<T> {
  const outcome = await app.dispatch(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as T;
}

// --- A 12-day engagement, every half day logged, two deliverables --------------------------------
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((digit) => luhnValid(payload + digit))!;
const siren = withCheckDigit('41234567');
const company = await call<{ company: { id: string } }>('companies.save', {
  siret: withCheckDigit(`${siren}0001`), name: 'Établissements Lefèvre & Fils', nafCode: '25.62A', sector: 'Mécanique', headcount: 85, postalCode: '36000', city: 'Châteauroux',
});
const consultant = await call<{ id: string }>('consultants.save', { name: 'Élodie Marchand', email: 'elodie@cabinet.fr', dailyRateCents: 95_000 });
const engagement = await call<{ engagement: { id: string } }>('engagements.create', {
  companyId: company.company.id, programmeId: DEFAULT_PROGRAMME_ID, waveId: DEFAULT_WAVES[0]!.id, projectType: 'relocalisation_production',
  phase: 'etude', allowanceDays: 12, dailyRateCents: 95_000, consultantIds: [consultant.id],
});
const engagementId = engagement.engagement.id;
await call('engagements.transition', { id: engagementId, to: 'committed' });
let date = '2022-02-14';
for (let logged = 0; logged < 12; date = addDays(date, 1)) {
  if (dayFlags(date).length > 0) continue;
  await call('days.set', {
    engagementId, consultantId: consultant.id, date, halfDays: 2, activity: logged < 3 ? 'diagnostic' : logged < 9 ? 'analyse' : 'restitution',
    location: 'on_site', summary: `Journée ${logged + 1} : entretiens avec la direction, analyse des coûts et rédaction des conclusions de l’étape.`,
  });
  logged += 1;
}
await call('engagements.transition', { id: engagementId, to: 'completed' });
let seed = 42;
const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 16) & 0xff));
for (const [kind, title] of [['diagnostic', 'Diagnostic industriel'], ['plan_action', 'Plan d’action']] as const) {
  await call('deliverables.attach', { engagementId, kind, title, fileName: `${kind}.pdf`, contentBase64: randomBytes(DELIVERABLE_BYTES).toString('base64') });
}
await call('settings.update', { sharedFolder: shared, firmName: 'Cabinet Loire Industrie Conseil' });

const round = (ms: number) => Math.round(ms * 10) / 10;

// --- Each document alone (warm), then whole packages -----------------------------------------------
const detail = await getEngagement(app.context.db, engagementId);
const input = { file: buildEngagementFile(detail), version: 1, createdAt: new Date().toISOString(), locale: 'fr' as const, firmName: 'Cabinet Loire Industrie Conseil', generator: 'carnet bench' };
const documents: Record<string, { firstMs: number; p50Ms: number; bytes: number }> = {};
for (const name of DOCUMENT_ORDER) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    bytes = (await DOCUMENTS[name].render(input)).byteLength;
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].slice(1).sort((a, b) => a - b);
  documents[name] = { firstMs: round(samples[0]!), p50Ms: round(sorted[Math.floor(sorted.length / 2)]!), bytes };
}

/** The Région asks for changes (its decision file, read back): the mission is in progress again. */
async function requestChanges(version: number, packageManifestSha256: string): Promise<void> {
  const file = path.join(shared, ...reviewPathOf(detail.engagement.ref, version).split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, reviewDecisionJson({
    format: 'carnet.review-decision', formatVersion: 1, engagementRef: detail.engagement.ref, version, packageManifestSha256,
    decision: 'changes_requested', comments: [{ about: 'package', text: 'Une nouvelle version, pour le banc d’essai.' }], reviewer: 'Banc d’essai', decidedAt: new Date().toISOString(),
  }));
  await call('reviews.check', {});
}

const packages: number[] = [];
let lastFolder = '';
for (let index = 0; index < ROUNDS; index++) {
  const started = performance.now();
  const result = await closeEngagement(app.context, engagementId);
  packages.push(performance.now() - started);
  lastFolder = result.folder;
  await requestChanges(result.version, result.manifestSha256);
  await call('engagements.transition', { id: engagementId, to: 'completed' });
}
const verifyStarted = performance.now();
const verified = await verifyPackage(lastFolder, 'fr');
const verifyMs = performance.now() - verifyStarted;

const sorted = [...packages].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
console.log(JSON.stringify({
  benchmark: 'closing-package',
  engagement: { allowanceDays: 12, halfDaysLogged: input.file.totals.halfDaysLogged, days: input.file.days.length, deliverables: 2, deliverableBytes: DELIVERABLE_BYTES },
  documentsWarmMs: documents,
  wholePackageMs: { rounds: ROUNDS, first: round(packages[0]!), p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) },
  target: { under300msAtP95: at(0.95) < 300 },
  verifyLastPackage: { ms: round(verifyMs), findings: verified.findings.length, files: verified.manifest?.files.length },
}, null, 2));

await app.close();
await rm(dataDir, { recursive: true, force: true });
await rm(shared, { recursive: true, force: true });
