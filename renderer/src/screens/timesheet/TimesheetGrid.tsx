import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import type { DayEntry } from '../../../../core/domain';
import type { DayGrid, DayGridRow, DaySetResult } from '../../../../core/domainViews';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { AllowanceMeter } from '../../components/AllowanceMeter';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { cellBlock, cellGlyph, dayKind, fullDate, nextOnClick, weekdayName } from './cellText';
import { EntryDetails } from './EntryDetails';
import { historySizes, recordEdit, settleChange, takeChange, type Change, type HalfDays } from './sessionHistory';

interface Props {
  grid: DayGrid;
  dates: string[];
  label: string;
}

type Cells = Record<string, DayEntry>;

const cellKey = (engagementId: string, date: string) => `${engagementId}|${date}`;

function initialCells(grid: DayGrid): Cells {
  const cells: Cells = {};
  for (const entry of grid.entries) cells[cellKey(entry.engagementId, entry.date)] = entry;
  return cells;
}

function initialLogged(grid: DayGrid): Record<string, number> {
  return Object.fromEntries(grid.rows.map((row) => [row.engagementId, row.halfDaysLogged]));
}

/**
 * The day-log grid: one row per engagement, one column per date, an ARIA grid with a roving
 * tabindex. Every change goes through days.set at once (optimistic, rolled back on refusal).
 */
export function TimesheetGrid({ grid, dates, label }: Props) {
  const api = useApi();
  const { t, locale, days, date: formatDate } = useI18n();
  const consultantId = grid.consultant.id;

  const [cells, setCellsState] = useState<Cells>(() => initialCells(grid));
  const cellsRef = useRef<Cells>(cells);
  // The meter shows what the server confirmed plus the changes still on their way: a late answer
  // to an earlier change must not erase a later optimistic one, nor a refusal undo an accepted one.
  const [confirmed, setConfirmed] = useState<Record<string, number>>(() => initialLogged(grid));
  const [pending, setPending] = useState<Record<string, number>>({});
  const addPending = (engagementId: string, delta: number) => setPending((current) => ({ ...current, [engagementId]: (current[engagementId] ?? 0) + delta }));
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [details, setDetails] = useState<{ engagementId: string; date: string } | null>(null);
  const [historySize, setHistorySize] = useState(() => historySizes(grid.consultant.id));
  const queue = useRef<Promise<void>>(Promise.resolve());
  const cellElements = useRef(new Map<string, HTMLTableCellElement>());

  const rows = grid.rows;

  function setCells(update: (cells: Cells) => Cells) {
    cellsRef.current = update(cellsRef.current);
    setCellsState(cellsRef.current);
  }

  function syncHistory() {
    setHistorySize(historySizes(consultantId));
  }

  function halfDaysAt(engagementId: string, date: string): HalfDays {
    return (cellsRef.current[cellKey(engagementId, date)]?.halfDays ?? 0) as HalfDays;
  }

  function applyResult(engagementId: string, date: string, result: DaySetResult) {
    const key = cellKey(engagementId, date);
    setCells((current) => {
      const next = { ...current };
      if (result.entry) next[key] = result.entry;
      else delete next[key];
      return next;
    });
    setConfirmed((current) => ({ ...current, [engagementId]: result.halfDaysLogged }));
    setStatus(result.warnings.map((warning) => warning.message).join(' '));
  }

  /**
   * Sets a cell through days.set. `mode` says which stack the change lands on: a new edit goes on
   * the undo stack (and clears redo); an undo or redo moves its change across only once accepted.
   */
  function setCell(row: DayGridRow, date: string, halfDays: HalfDays, mode: 'edit' | 'undo' | 'redo' = 'edit', replayed?: Change): void {
    const key = cellKey(row.engagementId, date);
    const previous = cellsRef.current[key];
    const before = (previous?.halfDays ?? 0) as HalfDays;
    if (before === halfDays && mode === 'edit') return;
    setAlert(null);
    // Optimistic: the cell and the meter move at once.
    setCells((current) => {
      const next = { ...current };
      if (halfDays === 0) delete next[key];
      else next[key] = { ...(previous ?? { id: '', engagementId: row.engagementId, consultantId, date, activity: 'autre', location: 'on_site', summary: '' }), halfDays };
      return next;
    });
    addPending(row.engagementId, halfDays - before);

    queue.current = queue.current.then(async () => {
      try {
        const result = await api.call('days.set', { engagementId: row.engagementId, consultantId, date, halfDays });
        addPending(row.engagementId, before - halfDays);
        applyResult(row.engagementId, date, result);
        const where = { ref: row.ref, date: fullDate(date, locale) };
        if (mode === 'edit') {
          recordEdit(consultantId, { row, date, before, after: halfDays });
        } else if (mode === 'undo') {
          if (replayed) settleChange(consultantId, 'undo', replayed, true);
          setStatus([t('timesheet.undone', where), ...result.warnings.map((warning) => warning.message)].join(' '));
        } else {
          if (replayed) settleChange(consultantId, 'redo', replayed, true);
          setStatus([t('timesheet.redone', where), ...result.warnings.map((warning) => warning.message)].join(' '));
        }
        syncHistory();
      } catch (error) {
        // Refused: the cell and the meter go back; the change (if an undo/redo) stays on its stack.
        setCells((current) => {
          const next = { ...current };
          if (previous) next[key] = previous;
          else delete next[key];
          return next;
        });
        addPending(row.engagementId, before - halfDays);
        setStatus('');
        setAlert(errorMessage(error, locale));
        // A refused undo or redo stays where it was, to be tried again once the cause is fixed.
        if (replayed && mode !== 'edit') settleChange(consultantId, mode, replayed, false);
        syncHistory();
      }
    });
  }

  function moveTo(rowIndex: number, colIndex: number) {
    const row = Math.max(0, Math.min(rows.length - 1, rowIndex));
    const col = Math.max(0, Math.min(dates.length - 1, colIndex));
    setActive({ row, col });
    const target = rows[row];
    const date = dates[col];
    if (target && date) cellElements.current.get(cellKey(target.engagementId, date))?.focus();
  }

  function replay(mode: 'undo' | 'redo') {
    const change = takeChange(consultantId, mode);
    if (!change) {
      setStatus(t(mode === 'undo' ? 'timesheet.nothingToUndo' : 'timesheet.nothingToRedo'));
      return;
    }
    syncHistory();
    // The row as shown now if it is on screen; the change may also be in another week.
    const rowIndex = rows.findIndex((candidate) => candidate.engagementId === change.row.engagementId);
    const row = rows[rowIndex] ?? change.row;
    const colIndex = dates.indexOf(change.date);
    if (rowIndex >= 0 && colIndex >= 0) {
      // Show where the change lands: the cell becomes the active one.
      const gridHasFocus = cellElements.current.get(cellKey(row.engagementId, change.date))?.closest('table')?.contains(document.activeElement);
      if (gridHasFocus) moveTo(rowIndex, colIndex);
      else setActive({ row: rowIndex, col: colIndex });
    }
    setCell(row, change.date, mode === 'undo' ? change.before : change.after, mode, change);
  }

  const onWindowKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (details || !(event.ctrlKey || event.metaKey)) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, dialog')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      replay('undo');
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      replay('redo');
    }
  });

  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onWindowKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function editable(row: DayGridRow, date: string): string | null {
    if (row.locked) return t('timesheet.cell.locked', { status: t(`status.${row.status}`) });
    const block = cellBlock(row, date);
    if (block?.kind === 'outside') return t('timesheet.cell.outside', { opensOn: formatDate(row.opensOn, 'medium'), closesOn: formatDate(row.closesOn, 'medium') });
    if (block?.kind === 'beforeStart') return t('timesheet.cell.beforeStart', { startedOn: formatDate(row.startedOn ?? '', 'medium') });
    return null;
  }

  function tryEdit(row: DayGridRow, date: string, halfDays: HalfDays) {
    const reason = editable(row, date);
    if (reason) {
      setAlert(null);
      setStatus(reason);
      return;
    }
    setCell(row, date, halfDays);
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLTableCellElement>, rowIndex: number, colIndex: number) {
    const row = rows[rowIndex];
    const date = dates[colIndex];
    if (!row || !date || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(rowIndex + move[0], colIndex + move[1]);
      return;
    }
    switch (event.key) {
      case 'Home':
        event.preventDefault();
        moveTo(rowIndex, 0);
        return;
      case 'End':
        event.preventDefault();
        moveTo(rowIndex, dates.length - 1);
        return;
      case '1':
        event.preventDefault();
        tryEdit(row, date, 2);
        return;
      case '5':
      case '.':
      case ',':
        event.preventDefault();
        tryEdit(row, date, 1);
        return;
      case '0':
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        tryEdit(row, date, 0);
        return;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (event.key === 'Enter' && halfDaysAt(row.engagementId, date) > 0) setDetails({ engagementId: row.engagementId, date });
        else if (event.key === ' ') tryEdit(row, date, nextOnClick(halfDaysAt(row.engagementId, date)));
        return;
    }
  }

  function valueText(halfDays: number): string {
    return t(halfDays === 2 ? 'timesheet.value.full' : halfDays === 1 ? 'timesheet.value.half' : 'timesheet.value.empty');
  }

  const dayTotals = dates.map((date) => {
    let sum = 0;
    for (const entry of Object.values(cells)) if (entry.date === date) sum += entry.halfDays;
    return sum;
  });
  const rowTotals = rows.map((row) => dates.reduce((sum, date) => sum + (cells[cellKey(row.engagementId, date)]?.halfDays ?? 0), 0));
  const detailsRow = details ? rows.find((row) => row.engagementId === details.engagementId) : undefined;
  const detailsEntry = details ? cells[cellKey(details.engagementId, details.date)] : undefined;
  const compact = dates.length > 7;

  return (
    <div className={`timesheet${compact ? ' timesheet--month' : ''}`}>
      <div className="timesheet-feedback">
        <div className="timesheet-alert" role="alert">
          {alert && <p className="timesheet-alert-text">{alert}</p>}
        </div>
        <p className="timesheet-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>

      <div className="timesheet-toolbar">
        <p className="timesheet-help">{t('timesheet.help')}</p>
        <div className="timesheet-history">
          <button type="button" className="button button--secondary" disabled={historySize.undo === 0} onClick={() => replay('undo')}>
            {t('timesheet.undo')}
          </button>
          <button type="button" className="button button--secondary" disabled={historySize.redo === 0} onClick={() => replay('redo')}>
            {t('timesheet.redo')}
          </button>
        </div>
      </div>

      {rows.length === 0 ? (
        <p className="card-empty">{t('timesheet.empty')}</p>
      ) : (
        <div className="timesheet-scroll">
          <table className="timesheet-grid" role="grid" aria-label={label} aria-rowcount={rows.length + 2}>
            <thead>
              <tr>
                <th scope="col" className="timesheet-mission-head">
                  {t('timesheet.mission')}
                </th>
                <th scope="col" className="timesheet-meter-head">
                  {t('timesheet.allowance')}
                </th>
                {dates.map((date) => {
                  const kind = dayKind(date);
                  const holidayName = kind.holiday ? t(`holiday.${kind.holiday}`) : null;
                  const note = holidayName ?? (kind.weekend ? t('timesheet.weekend') : null);
                  return (
                    <th
                      key={date}
                      scope="col"
                      className={`timesheet-day-head${kind.weekend ? ' is-weekend' : ''}${kind.holiday ? ' is-holiday' : ''}`}
                      title={note ? `${fullDate(date, locale)} — ${note}` : fullDate(date, locale)}
                      aria-label={note ? `${fullDate(date, locale)}, ${note}` : fullDate(date, locale)}
                    >
                      <span className="timesheet-weekday">{weekdayName(date, locale, compact ? 'narrow' : 'short')}</span>
                      <span className="timesheet-daynum">{Number(date.slice(8))}</span>
                      {holidayName ? (
                        <span className="timesheet-daynote">{compact ? t('timesheet.holiday.short') : holidayName}</span>
                      ) : kind.weekend && !compact ? (
                        <span className="timesheet-daynote">{t('timesheet.weekend')}</span>
                      ) : null}
                    </th>
                  );
                })}
                <th scope="col" className="timesheet-total-head">
                  {t('timesheet.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={row.engagementId} className={row.locked ? 'is-locked' : undefined}>
                  <th scope="row" className="timesheet-mission">
                    <span className="timesheet-ref mono">{row.ref}</span>
                    <span className="timesheet-company">{row.companyName}</span>
                    {row.locked && (
                      <span className="timesheet-lock">
                        <StatusBadge status={row.status} />
                        <span className="timesheet-lock-text">{t('timesheet.locked')}</span>
                      </span>
                    )}
                  </th>
                  <td className="timesheet-meter">
                    <AllowanceMeter halfDaysLogged={(confirmed[row.engagementId] ?? 0) + (pending[row.engagementId] ?? 0)} allowanceDays={row.allowanceDays} />
                  </td>
                  {dates.map((date, colIndex) => {
                    const key = cellKey(row.engagementId, date);
                    const halfDays = cells[key]?.halfDays ?? 0;
                    const kind = dayKind(date);
                    const reason = editable(row, date);
                    const blocked = !row.locked && reason !== null;
                    const isActive = active.row === rowIndex && active.col === colIndex;
                    return (
                      <td
                        key={date}
                        ref={(element) => {
                          if (element) cellElements.current.set(key, element);
                          else cellElements.current.delete(key);
                        }}
                        role="gridcell"
                        tabIndex={isActive ? 0 : -1}
                        aria-label={t('timesheet.cell', { ref: row.ref, date: fullDate(date, locale), value: valueText(halfDays) })}
                        aria-readonly={row.locked || undefined}
                        aria-disabled={blocked || undefined}
                        title={reason ?? undefined}
                        data-date={date}
                        data-half-days={halfDays}
                        className={[
                          'timesheet-cell',
                          kind.weekend ? 'is-weekend' : '',
                          kind.holiday ? 'is-holiday' : '',
                          blocked ? 'is-blocked' : '',
                          halfDays === 2 ? 'is-full' : halfDays === 1 ? 'is-half' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                        onFocus={() => setActive({ row: rowIndex, col: colIndex })}
                        onKeyDown={(event) => onCellKeyDown(event, rowIndex, colIndex)}
                        onClick={() => {
                          setActive({ row: rowIndex, col: colIndex });
                          tryEdit(row, date, nextOnClick(halfDays));
                        }}
                        onDoubleClick={() => halfDaysAt(row.engagementId, date) > 0 && setDetails({ engagementId: row.engagementId, date })}
                      >
                        <span aria-hidden="true">{cellGlyph(halfDays)}</span>
                      </td>
                    );
                  })}
                  <td className="timesheet-total">{days(rowTotals[rowIndex] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="timesheet-mission">
                  {t('timesheet.total.day')}
                </th>
                <td className="timesheet-meter" />
                {dates.map((date, index) => (
                  <td key={date} className={`timesheet-daytotal${(dayTotals[index] ?? 0) > 2 ? ' is-over' : ''}`}>
                    {(dayTotals[index] ?? 0) > 0 ? days(dayTotals[index] ?? 0) : ''}
                  </td>
                ))}
                <td className="timesheet-total">{days(rowTotals.reduce((sum, value) => sum + value, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      {details && detailsRow && detailsEntry && (
        <EntryDetails
          row={detailsRow}
          entry={detailsEntry}
          consultantId={consultantId}
          readOnly={detailsRow.locked}
          onSaved={(result) => applyResult(details.engagementId, details.date, result)}
          onClose={() => setDetails(null)}
        />
      )}
    </div>
  );
}
