import { useId, useState, type FormEvent } from 'react';
import type { EngagementDetail } from '../../../../core/domain';
import type { ProgrammeView } from '../../../../core/domainViews';
import { maxPublicShareCents } from '../../../../core/envelope';
import { isReserving } from '../../../../core/lifecycle';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';
import { eurosInputText } from '../../components/form/euros';
import { ErrorPanel, LoadingPanel } from '../../components/StatePanels';
import { useI18n } from '../../i18n';
import type { FieldProblem } from '../engagementForm/FormField';
import { ModalDialog } from '../engagementForm/ModalDialog';
import { ParametersFields } from '../engagementForm/ParametersFields';
import { ReservationPreview } from '../engagementForm/ReservationPreview';
import {
  allowanceDaysOf,
  changedParameters,
  checkParameters,
  fieldsChangedBy,
  PARAMETER_FIELDS,
  parameterFieldOf,
  parametersOf,
  rateCentsOf,
  rateText,
  type ParameterField,
  type ParametersDraft,
} from '../engagementForm/engagementDraft';
import { readRefusal, type EnvelopeOverrun } from '../engagementForm/refusal';

type Problems = Partial<Record<ParameterField, FieldProblem>>;

interface Props {
  detail: EngagementDetail;
  programme: ProgrammeView | null;
  onClose: () => void;
  onSaved: () => void;
}

/** « Modifier les paramètres »: wave, type, phase, allowance, rate and consultants, through engagements.update. */
export function EditParametersDialog({ detail, programme, onClose, onSaved }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t, locale, money } = i18n;
  const formId = useId();
  const consultants = useApiQuery('consultants.list', (client) => client.call('consultants.list', {}));
  const { engagement } = detail;
  // The parameters as loaded, kept while the dialog is open (the page may reload them meanwhile):
  // only what differs from them is sent.
  const [base] = useState(() => parametersOf(detail));
  const [draft, setDraft] = useState<ParametersDraft>(() => ({
    waveId: base.waveId,
    projectType: base.projectType,
    phase: base.phase,
    allowance: String(base.allowanceDays),
    rate: eurosInputText(base.dailyRateCents, locale),
    consultantIds: base.consultantIds,
  }));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<{ messages: string[]; overrun: EnvelopeOverrun | null } | null>(null);
  const [status, setStatus] = useState('');

  const consultantList = consultants.state.status === 'success' ? consultants.state.data : [];
  const checked = programme ? checkParameters(draft, programme, consultantList, i18n) : null;
  const problems: Problems = { ...(submitted && checked ? checked.problems : {}), ...serverProblems };
  const reserving = isReserving(engagement.status);
  const heldCents = reserving ? maxPublicShareCents(engagement, detail.programme.publicShareBasisPoints) : 0;

  function change(patch: Partial<ParametersDraft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
    const touched = fieldsChangedBy(patch);
    setServerProblems((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !touched.includes(field as ParameterField))));
    if (!saving) setStatus('');
  }

  function focusFirst(fields: Problems) {
    const first = PARAMETER_FIELDS.find((field) => fields[field]?.severity === 'error');
    if (first) document.getElementById(`${formId}-${first}`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || !checked) return;
    setSubmitted(true);
    setGeneral(null);
    if (!checked.input) {
      const count = Object.keys(checked.problems).length;
      setStatus(t(count === 1 ? 'programme.form.fix.one' : 'programme.form.fix', { count }));
      focusFirst(checked.problems);
      return;
    }
    setSaving(true);
    setStatus(t('programme.form.saving'));
    try {
      await api.call('engagements.update', { id: engagement.id, ...changedParameters(base, checked.input) });
      onSaved();
    } catch (error) {
      const refusal = readRefusal(error, locale, parameterFieldOf);
      setServerProblems(refusal.fields);
      setGeneral(refusal.general.length > 0 || refusal.overrun ? { messages: refusal.general, overrun: refusal.overrun } : null);
      setSaving(false);
      setStatus(t('programme.form.notSaved'));
      focusFirst(refusal.fields);
    }
  }

  const ready = programme !== null && consultants.state.status === 'success';
  return (
    <ModalDialog title={t('programme.params.edit.title', { ref: engagement.ref })} description={detail.company.name} variant="panel" onClose={() => !saving && onClose()}>
      {consultants.state.status === 'error' ? (
        <div className="modal-body">
          <ErrorPanel message={consultants.state.message} onRetry={consultants.reload} />
        </div>
      ) : !ready || !programme ? (
        <div className="modal-body">
          <LoadingPanel label={t('common.loading')} />
        </div>
      ) : (
        <form className="modal-form" noValidate onSubmit={submit} aria-busy={saving}>
          <div className="modal-body modal-body--split">
            <div>
              {general && (
                <div className="form-refusal" role="alert">
                  {general.overrun && (
                    <p className="form-refusal-title">
                      {t('programme.lifecycle.overrun.label')} <strong className="num">{money(general.overrun.overrunCents)}</strong>
                    </p>
                  )}
                  {general.messages.map((message) => (
                    <p key={message}>{message}</p>
                  ))}
                </div>
              )}
              <ParametersFields idPrefix={formId} programme={programme} consultants={consultantList} draft={draft} onChange={change} problems={problems} />
            </div>
            <aside className="modal-aside" aria-label={t('programme.reservation.title')}>
              <ReservationPreview
                programme={programme}
                allowanceDays={allowanceDaysOf(draft.allowance)}
                dailyRateCents={rateCentsOf(rateText(draft, consultantList, locale))}
                heldCents={heldCents}
                reservesNow={reserving}
              />
            </aside>
          </div>
          <footer className="modal-footer">
            <p className="form-status" role="status">
              {status}
            </p>
            <button type="button" className="button button--secondary" onClick={() => !saving && onClose()} aria-disabled={saving}>
              {t('programme.form.cancel')}
            </button>
            <button type="submit" className="button button--primary" aria-disabled={saving}>
              {saving && <span className="spinner" aria-hidden="true" />}
              {t('programme.params.save')}
            </button>
          </footer>
        </form>
      )}
    </ModalDialog>
  );
}
