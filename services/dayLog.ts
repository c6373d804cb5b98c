import type { z } from 'zod';
import { addDays, formatLongDate } from '../core/calendar';
import type { contract } from '../core/contract';
import { dayLogIssues } from '../core/dayLog';
import { LOCKED_STATUSES, type DayEntry, type EngagementStatus } from '../core/domain';
import type { DayEntryChange, DayGrid, DaySetResult } from '../core/domainViews';
import { CarnetError } from '../core/errors';
import { ruleError } from '../core/rules';
import type { Database } from '../db/connection';
import { consultantFromRow, dayEntryFromRow, type ConsultantRow, type DayEntryRow } from '../db/rows';
import type { ServiceContext } from './context';
import { preparedTransaction } from './dayLog/preparedTransaction';
import { refuseOnErrors, toFindings } from './findings';
import { dayEntryIdOf } from '../db/sync/naturalIds';

type SetInput = z.output<(typeof contract)['days.set']['input']>;
type GridInput = z.output<(typeof contract)['days.grid']['input']>;

/** The longest period a grid may ask for: a month view with its surrounding weeks. */
const MAX_GRID_DAYS = 62;

type EntryFields = Pick<DayEntry, 'halfDays' | 'activity' | 'location' | 'summary'>;

const fieldsOf = (row: DayEntryRow | undefined): EntryFields | null =>
  row ? { halfDays: row.half_days, activity: row.activity, location: row.location, summary: row.summary } : null;

const sameFields = (a: EntryFields | null, b: EntryFields | null) => JSON.stringify(a) === JSON.stringify(b);

interface SituationRow {
  ref: string;
  status: EngagementStatus;
  allowance_days: number;
  started_on: string | null;
  opens_on: string;
  closes_on: string;
  staffing_id: string | null;
}

interface LogSituationRow extends SituationRow {
  consultant_name: string | null;
  engagement_total: number | null;
  elsewhere_on_date: number | null;
  entry_id: string | null;
  entry_half_days: DayEntryRow['half_days'] | null;
  entry_activity: DayEntryRow['activity'] | null;
  entry_location: DayEntryRow['location'] | null;
  entry_summary: string | null;
}

/**
 * Everything the rules of one day need, in one statement written once: the engagement and its
 * programme window, the existing entry, the staffing, the consultant's name, the engagement's
 * total and the consultant's other half days on that date. Building it with the query builder on
 * every call cost more than running it.
 */
const SITUATION_SQL = `
  select e.ref, e.status, e.allowance_days, e.started_on, p.opens_on, p.closes_on,
    d.id as entry_id, d.half_days as entry_half_days, d.activity as entry_activity,
    d.location as entry_location, d.summary as entry_summary,
    (select ec.id from engagement_consultants ec where ec.engagement_id = e.id and ec.consultant_id = ?2) as staffing_id,
    (select k.name from consultants k where k.id = ?2) as consultant_name,
    (select sum(t.half_days) from day_entries t where t.engagement_id = e.id) as engagement_total,
    (select sum(o.half_days) from day_entries o where o.consultant_id = ?2 and o.date = ?3 and o.engagement_id <> e.id) as elsewhere_on_date
  from engagements e
  join programmes p on p.id = e.programme_id
  left join day_entries d on d.engagement_id = e.id and d.consultant_id = ?2 and d.date = ?3
  where e.id = ?1`;

const INSERT_ENTRY_SQL = 'insert into day_entries (id, engagement_id, consultant_id, date, half_days, activity, location, summary) values (?, ?, ?, ?, ?, ?, ?, ?)';
const UPDATE_ENTRY_SQL = 'update day_entries set half_days = ?, activity = ?, location = ?, summary = ? where id = ?';
const DELETE_ENTRY_SQL = 'delete from day_entries where id = ?';
const START_SQL = 'update engagements set started_on = ? where id = ?';
const STATUS_SQL = 'update engagements set status = ? where id = ?';
const INSERT_STATUS_CHANGE_SQL = 'insert into status_changes (id, engagement_id, from_status, to_status, at, by) values (?, ?, ?, ?, ?, ?)';
const INSERT_CHANGE_SQL = 'insert into day_entry_changes (id, engagement_id, consultant_id, date, before_json, after_json, at, by, device) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Logs, changes or clears one consultant's day on one engagement, through every rule of the day
 * log, with its audit record, in one transaction. The first day of a committed engagement starts it.
 * The hot path of the app (every keystroke in the timesheet): five statements (BEGIN, the
 * situation, the write, the audit record, COMMIT), each prepared once on the connection and then a
 * single trip to SQLite's thread, about a tenth of a millisecond (bench/day-log.ts).
 */
export async function setDay(context: ServiceContext, input: SetInput): Promise<DaySetResult> {
  return preparedTransaction(context.db, async (sql) => {
    const situationRead = sql.all<LogSituationRow>(SITUATION_SQL, [input.engagementId, input.consultantId, input.date]);
    // Settings are a file read (conf): done while SQLite reads the situation on its own thread.
    const locale = context.settings.get().locale;
    const [situation] = await situationRead;
    if (!situation) throw new CarnetError('not_found', 'error.not_found.engagement', { id: input.engagementId }, { field: 'engagementId' });
    if (situation.consultant_name === null) throw new CarnetError('not_found', 'error.not_found.consultant', { id: input.consultantId }, { field: 'consultantId' });
    const consultant = { name: situation.consultant_name };
    const key = { engagement_id: input.engagementId, consultant_id: input.consultantId, date: input.date };
    const existing: DayEntryRow | undefined = situation.entry_id === null ? undefined : {
      id: situation.entry_id,
      ...key,
      half_days: situation.entry_half_days!,
      activity: situation.entry_activity!,
      location: situation.entry_location!,
      summary: situation.entry_summary!,
    };
    const engagementTotal = Number(situation.engagement_total ?? 0);
    const elsewhereOnDate = Number(situation.elsewhere_on_date ?? 0);
    const engagementHalfDaysElsewhere = engagementTotal - (existing?.half_days ?? 0);
    const issues = dayLogIssues({
      ref: situation.ref,
      status: situation.status,
      allowanceDays: situation.allowance_days,
      startedOn: situation.started_on,
      opensOn: situation.opens_on,
      closesOn: situation.closes_on,
      consultantName: consultant.name,
      staffed: situation.staffing_id !== null,
      engagementHalfDaysElsewhere,
      consultantHalfDaysOnDateElsewhere: elsewhereOnDate,
    }, { date: input.date, halfDays: input.halfDays }, locale);
    refuseOnErrors(issues, locale);

    const before = fieldsOf(existing);
    const after: EntryFields | null = input.halfDays === 0 ? null : {
      halfDays: input.halfDays,
      activity: input.activity ?? before?.activity ?? 'autre',
      location: input.location ?? before?.location ?? 'on_site',
      summary: input.summary ?? before?.summary ?? '',
    };
    let entry: DayEntry | null = existing ? dayEntryFromRow(existing) : null;
    let status = situation.status;
    if (!sameFields(before, after)) {
      if (!after) {
        await sql.run(DELETE_ENTRY_SQL, [existing!.id]);
        entry = null;
      } else {
        entry = { id: existing?.id ?? dayEntryIdOf(input.engagementId, input.consultantId, input.date), engagementId: input.engagementId, consultantId: input.consultantId, date: input.date, ...after };
        if (existing) await sql.run(UPDATE_ENTRY_SQL, [after.halfDays, after.activity, after.location, after.summary, entry.id]);
        else await sql.run(INSERT_ENTRY_SQL, [entry.id, entry.engagementId, entry.consultantId, entry.date, after.halfDays, after.activity, after.location, after.summary]);
      }
      await sql.run(INSERT_CHANGE_SQL, [
        context.newId(), input.engagementId, input.consultantId, input.date,
        before && JSON.stringify(before), after && JSON.stringify(after),
        context.now().toISOString(), context.actor, context.device,
      ]);
      if (after && !situation.started_on) await sql.run(START_SQL, [input.date, input.engagementId]);
      if (after && situation.status === 'committed') {
        await sql.run(STATUS_SQL, ['in_progress', input.engagementId]);
        await sql.run(INSERT_STATUS_CHANGE_SQL, [context.newId(), input.engagementId, 'committed', 'in_progress', context.now().toISOString(), context.actor]);
        status = 'in_progress';
      }
    }
    return {
      entry,
      warnings: toFindings(issues, locale),
      halfDaysLogged: engagementHalfDaysElsewhere + input.halfDays,
      allowanceDays: situation.allowance_days,
      status,
    };
  });
}

/** A consultant's engagements and entries over a week or a month, in four queries. */
export async function dayGrid(context: ServiceContext, input: GridInput): Promise<DayGrid> {
  const { db } = context;
  const consultantRow = await db<ConsultantRow>('consultants').where({ id: input.consultantId }).first();
  if (!consultantRow) throw new CarnetError('not_found', 'error.not_found.consultant', { id: input.consultantId }, { field: 'consultantId' });
  if (input.to < input.from || addDays(input.from, MAX_GRID_DAYS) <= input.to) {
    const locale = context.settings.get().locale;
    refuseOnErrors([ruleError('to', 'rule.day.range', { from: formatLongDate(input.from, locale), to: formatLongDate(input.to, locale), max: MAX_GRID_DAYS })], locale);
  }
  const entries: DayEntryRow[] = await db('day_entries').where('consultant_id', input.consultantId).whereBetween('date', [input.from, input.to]).orderBy(['date', 'engagement_id']);
  const withEntries = new Set(entries.map((entry) => entry.engagement_id));
  const logged = db('day_entries').select('engagement_id').sum({ half_days_logged: 'half_days' }).groupBy('engagement_id').as('logged');
  const rows: (SituationRow & { id: string; company_name: string; half_days_logged: number | null })[] = await db('engagements as e')
    .join('engagement_consultants as ec', 'ec.engagement_id', 'e.id')
    .join('companies as c', 'c.id', 'e.company_id')
    .join('programmes as p', 'p.id', 'e.programme_id')
    .leftJoin(logged, 'logged.engagement_id', 'e.id')
    .where('ec.consultant_id', input.consultantId)
    .select('e.id', 'e.ref', 'e.status', 'e.allowance_days', 'e.started_on', 'p.opens_on', 'p.closes_on', 'c.name as company_name', 'logged.half_days_logged')
    .orderBy('e.ref');
  return {
    consultant: consultantFromRow(consultantRow),
    from: input.from,
    to: input.to,
    // Engagements the consultant can log on, and any other that holds entries in the period.
    rows: rows
      .filter((row) => !['draft', 'closed'].includes(row.status) || withEntries.has(row.id))
      .map((row) => ({
        engagementId: row.id,
        ref: row.ref,
        companyName: row.company_name,
        status: row.status,
        allowanceDays: row.allowance_days,
        halfDaysLogged: Number(row.half_days_logged ?? 0),
        startedOn: row.started_on,
        locked: LOCKED_STATUSES.includes(row.status),
        opensOn: row.opens_on,
        closesOn: row.closes_on,
      })),
    entries: entries.map(dayEntryFromRow),
  };
}

interface ChangeRow {
  id: string;
  engagement_id: string;
  consultant_id: string;
  consultant_name: string | null;
  date: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
  by: string;
  device: string;
}

/** How an engagement's timesheet came to be: every change of a day entry, newest first. */
export async function dayAudit(db: Database, engagementId: string): Promise<DayEntryChange[]> {
  const rows: ChangeRow[] = await db('day_entry_changes as d')
    .leftJoin('consultants as k', 'k.id', 'd.consultant_id')
    .where('d.engagement_id', engagementId)
    .select('d.*', 'k.name as consultant_name')
    .orderBy([{ column: 'd.at', order: 'desc' }, { column: 'd.id', order: 'desc' }]);
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    consultantId: row.consultant_id,
    consultantName: row.consultant_name ?? row.consultant_id,
    date: row.date,
    before: row.before_json ? (JSON.parse(row.before_json) as EntryFields) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as EntryFields) : null,
    at: row.at,
    by: row.by,
    device: row.device,
  }));
}
