import { useId, useState, type FormEvent } from 'react';
import type { CompanyListRow, ConsultantView, ProgrammeView } from '../../../../core/domainViews';
import { useApi } from '../../api/ApiContext';
import { useI18n } from '../../i18n';
import { hrefs, navigate } from '../../router';
import { CompanyPicker } from './CompanyPicker';
import { Field, type FieldProblem } from './FormField';
import { ParametersFields } from './ParametersFields';
import { ReservationPreview } from './ReservationPreview';
import { allowanceDaysOf, checkParameters, fieldsChangedBy, newParameters, openWaveId, parameterFieldOf, rateCentsOf, rateText, type ParametersDraft } from './engagementDraft';
import { readRefusal } from './refusal';

const FIELD_ORDER = ['company', 'programme', 'wave', 'projectType', 'phase', 'allowance', 'rate', 'consultants'] as const;
type NewEngagementField = (typeof FIELD_ORDER)[number];
type Problems = Partial<Record<NewEngagementField, FieldProblem>>;

const fieldOfService = (field: string): NewEngagementField | null => (field === 'companyId' ? 'company' : field === 'programmeId' ? 'programme' : parameterFieldOf(field));

interface Props {
  programmes: readonly ProgrammeView[];
  defaultProgrammeId: string;
  companies: readonly CompanyListRow[];
  consultants: readonly ConsultantView[];
}

/** Creates an engagement in draft: nothing is reserved on the envelope until it is committed. */
export function NewEngagementForm({ programmes, defaultProgrammeId, companies, consultants }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t, locale, percent, date } = i18n;
  const formId = useId();
  const [companyId, setCompanyId] = useState('');
  const [programmeId, setProgrammeId] = useState(defaultProgrammeId);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const [draft, setDraft] = useState<ParametersDraft>(() => newParameters(programmes.find((candidate) => candidate.id === defaultProgrammeId) ?? programmes[0]!, today));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0]!;
  const checked = checkParameters(draft, programme, consultants, i18n);
  const localProblems: Problems = { ...checked.problems, ...(companyId === '' ? { company: { text: t('programme.new.company.required'), severity: 'error' } } : {}) };
  const problems: Problems = { ...(submitted ? localProblems : {}), ...serverProblems };
  const fieldId = (field: NewEngagementField) => `${formId}-${field}`;
  const typedRate = rateText(draft, consultants, locale);

  function forget(fields: NewEngagementField[]) {
    setServerProblems((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fields.includes(field as NewEngagementField))));
    if (!saving) setStatus('');
  }

  function changeParameters(patch: Partial<ParametersDraft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
    forget(fieldsChangedBy(patch));
  }

  function focusFirst(fields: Problems) {
    const first = FIELD_ORDER.find((field) => fields[field]?.severity === 'error');
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setGeneral([]);
    const blocking = Object.values(localProblems).filter((problem) => problem.severity === 'error').length;
    if (blocking > 0 || !checked.input) {
      setStatus(t(blocking === 1 ? 'programme.form.fix.one' : 'programme.form.fix', { count: blocking }));
      focusFirst(localProblems);
      return;
    }
    setSaving(true);
    setStatus(t('programme.new.saving'));
    try {
      const detail = await api.call('engagements.create', { companyId, programmeId: programme.id, ...checked.input });
      navigate(hrefs.engagement(detail.engagement.id));
    } catch (error) {
      const refusal = readRefusal(error, locale, fieldOfService);
      setServerProblems(refusal.fields);
      setGeneral(refusal.general);
      setSaving(false);
      setStatus(t('programme.new.notSaved'));
      focusFirst(refusal.fields);
    }
  }

  return (
    <form className="new-engagement" noValidate onSubmit={submit} aria-busy={saving}>
      <div className="new-engagement-main">
        {general.length > 0 && (
          <div className="form-refusal" role="alert">
            {general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        {/* Unnamed sections: a region named « Entreprise … » would share its name with the field. */}
        <section className="card">
          <header className="card-header">
            <h2 className="card-title">
              {t('programme.new.section.who')}
            </h2>
          </header>
          <div className="edit-grid">
            <CompanyPicker
              id={fieldId('company')}
              companies={companies}
              programme={programme}
              value={companyId}
              problem={problems.company}
              onChange={(id) => {
                setCompanyId(id);
                forget(['company']);
              }}
            />
            <Field
              id={fieldId('programme')}
              label={t('programme.new.programme')}
              problem={problems.programme}
              className="edit-grid-wide"
              hint={t('programme.new.programme.hint', {
                share: percent(programme.publicShareBasisPoints),
                funders: programme.funders.join(', '),
                from: date(programme.opensOn, 'medium'),
                to: date(programme.closesOn, 'medium'),
              })}
            >
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={programme.id}
                  onChange={(event) => {
                    const next = programmes.find((candidate) => candidate.id === event.target.value);
                    setProgrammeId(event.target.value);
                    changeParameters({ waveId: next ? openWaveId(next, today) : '' });
                    forget(['programme']);
                  }}
                >
                  {programmes.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </section>
        <section className="card">
          <header className="card-header">
            <h2 className="card-title">
              {t('programme.new.section.mission')}
            </h2>
          </header>
          <ParametersFields idPrefix={formId} programme={programme} consultants={consultants} draft={draft} onChange={changeParameters} problems={problems} />
        </section>
      </div>
      <aside className="new-engagement-aside" aria-labelledby={`${formId}-reservation`}>
        <section className="card new-engagement-summary">
          <header className="card-header">
            <h2 id={`${formId}-reservation`} className="card-title">
              {t('programme.reservation.title')}
            </h2>
          </header>
          <ReservationPreview programme={programme} allowanceDays={allowanceDaysOf(draft.allowance)} dailyRateCents={rateCentsOf(typedRate)} />
          <div className="new-engagement-actions">
            <p className="form-status" role="status">
              {status}
            </p>
            <button type="submit" className="button button--primary button--large" aria-disabled={saving}>
              {saving && <span className="spinner" aria-hidden="true" />}
              {t('programme.new.submit')}
            </button>
            <a className="button button--secondary" href={hrefs.list()}>
              {t('programme.form.cancel')}
            </a>
          </div>
        </section>
      </aside>
    </form>
  );
}
