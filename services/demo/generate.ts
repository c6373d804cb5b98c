import { addDays, dayFlags } from '../../core/calendar';
import type {
  Company,
  Consultant,
  DayEntry,
  Engagement,
  EngagementStatus,
  Phase,
  ProjectType,
  Programme,
  StatusChange,
  Wave,
} from '../../core/domain';
import { makeUlid } from '../../core/ids';
import { luhnValid } from '../../core/siret';
import { DEMO_COMPANIES, DEMO_CONSULTANTS, DEMO_WORK } from './catalogue';
import { demoDeliverables, type DemoDeliverableFile } from './deliverableFiles';

/** The statuses whose missions are finished: they carry their deliverables. */
const FINISHED: EngagementStatus[] = ['completed', 'submitted', 'changes_requested', 'approved', 'closed'];

export interface DemoDataset {
  companies: Company[];
  consultants: Consultant[];
  engagements: Engagement[];
  staffing: { engagementId: string; consultantId: string }[];
  dayEntries: DayEntry[];
  statusChanges: StatusChange[];
  /** The diagnostic and action plan of every finished mission, with their bytes. */
  deliverables: (DemoDeliverableFile & { id: string })[];
}

// The path each final status took through the lifecycle, and when, relative to the mission.
const HISTORY: Record<EngagementStatus, EngagementStatus[]> = {
  draft: ['draft'],
  committed: ['draft', 'committed'],
  in_progress: ['draft', 'committed', 'in_progress'],
  completed: ['draft', 'committed', 'in_progress', 'completed'],
  submitted: ['draft', 'committed', 'in_progress', 'completed', 'submitted'],
  changes_requested: ['draft', 'committed', 'in_progress', 'completed', 'submitted', 'changes_requested'],
  approved: ['draft', 'committed', 'in_progress', 'completed', 'submitted', 'approved'],
  closed: ['draft', 'committed', 'in_progress', 'completed', 'submitted', 'approved', 'closed'],
};
const DAYS_AFTER: Record<EngagementStatus, number> = {
  draft: -21, committed: -10, in_progress: 0, completed: 1, submitted: 4, changes_requested: 15, approved: 18, closed: 40,
};

/** mulberry32: a tiny seeded generator, so that the demo is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withCheckDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(payload + digit)) return payload + digit;
  throw new Error('unreachable: one Luhn check digit always exists');
}

// One engagement per company; the states cover the whole lifecycle (PRODUCT.md).
const STATUS_PLAN: EngagementStatus[] = [
  'closed', 'approved', 'approved', 'closed', 'submitted', 'changes_requested', 'submitted', 'completed',
  'completed', 'completed', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress',
  'committed', 'committed', 'committed', 'draft', 'draft',
];
const PROJECT_TYPES: ProjectType[] = ['relocalisation_production', 'relocalisation_approvisionnement', 'diversification'];
const PHASES: Phase[] = ['etude', 'lancement', 'developpement'];

export function generateDemoDataset(programme: Programme, waves: Wave[], seed = 20220128): DemoDataset {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  let clock = Date.UTC(2022, 0, 3, 8);
  const newId = () => makeUlid((clock += 60_000), () => Math.floor(random() * 256));

  const companies: Company[] = DEMO_COMPANIES.map((company) => {
    const siren = withCheckDigit(String(integer(30_000_000, 99_999_999)));
    return {
      id: newId(),
      siret: withCheckDigit(siren + String(integer(1, 9_999)).padStart(4, '0')),
      departement: company.postalCode.slice(0, 2),
      ...company,
    };
  });
  const consultants: Consultant[] = DEMO_CONSULTANTS.map((consultant) => ({ id: newId(), ...consultant }));

  const busy = new Map<string, number>(); // `${consultantId}|${date}` → half days, across engagements
  const engagements: Engagement[] = [];
  const staffing: DemoDataset['staffing'] = [];
  const dayEntries: DayEntry[] = [];
  const statusChanges: StatusChange[] = [];
  const sortedWaves = [...waves].sort((a, b) => a.ordinal - b.ordinal);

  STATUS_PLAN.forEach((status, index) => {
    const company = companies[index]!;
    const startedOn = addDays('2022-01-17', index * 13 + integer(0, 6));
    const team = [consultants[index % consultants.length]!];
    if (index % 3 === 0) team.push(consultants[(index + 2) % consultants.length]!);
    const allowanceDays = integer(programme.minDays, programme.maxDays);
    const waveIndex = startedOn < '2022-05-01' ? 0 : startedOn < '2022-09-01' ? 1 : 2;
    const engagement: Engagement = {
      id: newId(),
      ref: `RD-${startedOn.slice(0, 4)}-${String(index + 1).padStart(3, '0')}`,
      programmeId: programme.id,
      waveId: sortedWaves[Math.min(waveIndex, sortedWaves.length - 1)]!.id,
      companyId: company.id,
      projectType: PROJECT_TYPES[index % PROJECT_TYPES.length]!,
      phase: PHASES[(index >> 1) % PHASES.length]!,
      allowanceDays,
      dailyRateCents: team[0]!.dailyRateCents,
      status,
      startedOn: null,
      completedOn: null,
    };
    engagements.push(engagement);
    for (const consultant of team) staffing.push({ engagementId: engagement.id, consultantId: consultant.id });
    if (status === 'draft' || status === 'committed') return;

    engagement.startedOn = startedOn;
    const finished = status !== 'in_progress';
    // In-progress missions burn between 30 % and 95 % of their allowance, so the risk view has work.
    const targetHalfDays = finished
      ? 2 * allowanceDays - (random() < 0.3 ? 1 : 0)
      : Math.max(2, Math.round(2 * allowanceDays * (0.3 + random() * 0.65)));
    let date = startedOn;
    let logged = 0;
    while (logged < targetHalfDays && date <= programme.closesOn) {
      if (dayFlags(date).length > 0) {
        date = addDays(date, 1);
        continue;
      }
      const consultant = pick(team);
      const key = `${consultant.id}|${date}`;
      const free = 2 - (busy.get(key) ?? 0);
      const halfDays = Math.min(free, targetHalfDays - logged, random() < 0.25 ? 1 : 2);
      if (halfDays > 0) {
        const progress = logged / targetHalfDays;
        const stage = progress < 0.25 ? DEMO_WORK.opening : progress < 0.75 ? DEMO_WORK.middle : DEMO_WORK.closing;
        const isLast = logged + halfDays >= targetHalfDays;
        const work = finished && isLast ? DEMO_WORK.closing[1]! : pick(stage);
        dayEntries.push({
          id: newId(),
          engagementId: engagement.id,
          consultantId: consultant.id,
          date,
          halfDays: halfDays as 1 | 2,
          activity: work.activity,
          location: work.activity === 'analyse' || work.activity === 'redaction_livrable' ? 'remote' : 'on_site',
          summary: work.summary.replace('{company}', company.name),
        });
        busy.set(key, (busy.get(key) ?? 0) + halfDays);
        logged += halfDays;
        engagement.completedOn = finished ? date : null;
      }
      date = addDays(date, integer(1, 6));
    }
  });

  for (const [index, engagement] of engagements.entries()) {
    const anchor = addDays('2022-01-17', index * 13);
    const path = HISTORY[engagement.status];
    path.forEach((status, step) => {
      const base = status === 'in_progress' ? (engagement.startedOn ?? anchor) : ['completed', 'submitted', 'changes_requested', 'approved', 'closed'].includes(status) ? (engagement.completedOn ?? anchor) : engagement.startedOn ?? anchor;
      statusChanges.push({
        id: newId(),
        engagementId: engagement.id,
        fromStatus: step === 0 ? null : path[step - 1]!,
        toStatus: status,
        at: `${addDays(base, DAYS_AFTER[status])}T09:${String(10 + step).padStart(2, '0')}:00.000Z`,
        by: 'Démonstration',
      });
    });
  }

  const companiesById = new Map(companies.map((company) => [company.id, company]));
  const deliverables = engagements
    .filter((engagement) => FINISHED.includes(engagement.status))
    .flatMap((engagement) => demoDeliverables(engagement, companiesById.get(engagement.companyId)!))
    .map((file) => ({ id: newId(), ...file }));

  return { companies, consultants, engagements, staffing, dayEntries, statusChanges, deliverables };
}
