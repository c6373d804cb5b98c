import { useEffect, useId, useRef, useState } from 'react';
import { ACTIVITIES, LOCATIONS, type Activity, type DayEntry, type Location } from '../../../../core/domain';
import type { DayGridRow, DaySetResult } from '../../../../core/domainViews';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/form/Dialog';
import { useI18n } from '../../i18n';
import { fullDate } from './cellText';

interface Props {
  row: DayGridRow;
  entry: DayEntry;
  consultantId: string;
  readOnly: boolean;
  onSaved: (result: DaySetResult) => void;
  onClose: () => void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const SAVE_DELAY_MS = 500;

/**
 * The details of one day entry in a side panel: activity, location, summary. Saved on its own
 * (debounced days.set with the same half days); closing returns focus to the grid cell.
 */
export function EntryDetails({ row, entry, consultantId, readOnly, onSaved, onClose }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [activity, setActivity] = useState<Activity>(entry.activity);
  const [location, setLocation] = useState<Location>(entry.location);
  const [summary, setSummary] = useState(entry.summary);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<number | null>(null);
  const pending = useRef<{ activity: Activity; location: Location; summary: string } | null>(null);
  const ids = { activity: useId(), location: useId(), summary: useId() };

  function flush() {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const fields = pending.current;
    pending.current = null;
    if (!fields) return;
    setSave({ kind: 'saving' });
    api
      .call('days.set', { engagementId: row.engagementId, consultantId, date: entry.date, halfDays: entry.halfDays, ...fields })
      .then(
        (result) => {
          onSaved(result);
          setSave({ kind: 'saved' });
        },
        (error: unknown) => setSave({ kind: 'error', message: errorMessage(error, locale) }),
      );
  }

  function schedule(fields: { activity: Activity; location: Location; summary: string }) {
    pending.current = fields;
    setSave({ kind: 'saving' });
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
  }

  // Leaving with a change still waiting: save it now rather than lose it.
  const flushOnUnmount = useRef(flush);
  useEffect(() => {
    flushOnUnmount.current = flush;
  });
  useEffect(() => () => flushOnUnmount.current(), []);

  const value = t(entry.halfDays === 2 ? 'timesheet.value.full' : 'timesheet.value.half');
  return (
    <Dialog
      title={t('timesheet.details.title', { ref: row.ref, date: fullDate(entry.date, locale) })}
      description={t('timesheet.details.description', { value, company: row.companyName })}
      onRequestClose={onClose}
    >
      <div className="timesheet-details">
        <div className="field">
          <label className="field-label" htmlFor={ids.activity}>
            {t('timesheet.details.activity')}
          </label>
          <select
            id={ids.activity}
            className="select"
            value={activity}
            disabled={readOnly}
            onChange={(event) => {
              const next = event.target.value as Activity;
              setActivity(next);
              schedule({ activity: next, location, summary });
            }}
          >
            {ACTIVITIES.map((option) => (
              <option key={option} value={option}>
                {t(`activity.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field timesheet-location">
          <legend className="field-label">{t('timesheet.details.location')}</legend>
          {LOCATIONS.map((option) => (
            <label key={option} className="timesheet-radio">
              <input
                type="radio"
                name={ids.location}
                value={option}
                checked={location === option}
                disabled={readOnly}
                onChange={() => {
                  setLocation(option);
                  schedule({ activity, location: option, summary });
                }}
              />
              {t(`location.${option}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={ids.summary}>
            {t('timesheet.details.summary')}
          </label>
          <textarea
            id={ids.summary}
            className="input timesheet-summary"
            rows={6}
            maxLength={4000}
            value={summary}
            readOnly={readOnly}
            onChange={(event) => {
              setSummary(event.target.value);
              schedule({ activity, location, summary: event.target.value });
            }}
          />
        </div>
        <div className="timesheet-save" role="status" aria-live="polite">
          {save.kind === 'saving' && t('timesheet.details.saving')}
          {save.kind === 'saved' && <span className="timesheet-saved">✓ {t('timesheet.details.saved')}</span>}
        </div>
        {save.kind === 'error' && (
          <p className="timesheet-alert-text" role="alert">
            {save.message}
          </p>
        )}
        <div className="timesheet-details-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('timesheet.details.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
