import { useId, useState, type FormEvent } from 'react';
import type { Consultant } from '../../../../core/domain';
import { useApi } from '../../api/ApiContext';
import { Dialog } from '../../components/form/Dialog';
import { DiscardConfirm } from '../../components/form/DiscardConfirm';
import type { FieldFeedback } from '../../components/form/FieldMessage';
import { MoneyField } from '../../components/form/MoneyField';
import { eurosInputText, parseEuros } from '../../components/form/euros';
import { refusalByField } from '../../components/form/serverFindings';
import { TextField } from '../../components/form/TextField';
import { useDiscardGuard } from '../../components/form/useDiscardGuard';
import { useI18n } from '../../i18n';
import { consultantSaveInput } from './consultantDraft';

const FIELDS = ['name', 'email', 'dailyRate'] as const;
type ConsultantField = (typeof FIELDS)[number];
type Draft = Record<ConsultantField, string>;

/** The service names the rate by its stored form. */
const fieldOfService = (field: string): ConsultantField | null => (field === 'dailyRateCents' ? 'dailyRate' : (FIELDS as readonly string[]).includes(field) ? (field as ConsultantField) : null);

interface Props {
  consultant: Consultant | null;
  onSaved: (consultant: Consultant) => void;
  onClose: () => void;
}

/**
 * Creates or edits a consultant. The service judges name, address and rate; its messages are put
 * beside their fields. Only the amount's format is checked here, since cents must be sent.
 */
export function ConsultantForm({ consultant, onSaved, onClose }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const formId = useId();
  // The consultant as loaded, kept while the form is open: what the user changed is told from it.
  const [loaded] = useState(consultant);
  const [initial] = useState<Draft>(() =>
    consultant ? { name: consultant.name, email: consultant.email, dailyRate: eurosInputText(consultant.dailyRateCents, locale) } : { name: '', email: '', dailyRate: '' },
  );
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<ConsultantField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ fields: Partial<Record<ConsultantField, FieldFeedback>>; values: Draft; general: string[] } | null>(null);
  const [status, setStatus] = useState('');

  const dirty = FIELDS.some((field) => draft[field] !== initial[field]);
  const guard = useDiscardGuard(dirty, onClose, saving);
  const rate = parseEuros(draft.dailyRate);
  const rateProblem: FieldFeedback | null =
    rate === 'invalid' ? { text: t('directory.consultant.rate.invalid'), severity: 'error' } : rate === null ? { text: t('directory.consultant.rate.required'), severity: 'error' } : null;

  function feedbackOf(field: ConsultantField): FieldFeedback | null {
    const refused = refusal?.fields[field];
    if (refused && refusal.values[field] === draft[field]) return refused;
    if (field === 'dailyRate' && (submitted || touched.has(field))) return rateProblem;
    return null;
  }

  const fieldId = (field: ConsultantField) => `${formId}-${field}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    if (typeof rate !== 'number') {
      setStatus(t('directory.form.fix.one', { count: 1 }));
      document.getElementById(fieldId('dailyRate'))?.focus();
      return;
    }
    setSaving(true);
    setStatus(t('directory.form.saving'));
    setRefusal(null);
    try {
      onSaved(await api.call('consultants.save', consultantSaveInput(loaded, { name: draft.name, email: draft.email, dailyRateCents: rate })));
    } catch (error) {
      const { fields, general } = refusalByField(error, locale, fieldOfService);
      setRefusal({ fields, values: draft, general });
      setSaving(false);
      setStatus(t('directory.form.notSaved'));
      const first = FIELDS.find((field) => fields[field]?.severity === 'error');
      if (first) document.getElementById(fieldId(first))?.focus();
    }
  }

  function field(name: ConsultantField) {
    return {
      id: fieldId(name),
      value: draft[name],
      feedback: feedbackOf(name),
      onBlur: () => setTouched((previous) => new Set(previous).add(name)),
    };
  }
  const change = (name: ConsultantField) => (value: string) => {
    setDraft((previous) => ({ ...previous, [name]: value }));
    if (!saving) setStatus('');
  };

  return (
    <Dialog
      title={consultant ? t('directory.consultant.edit.title') : t('directory.consultant.new.title')}
      description={consultant ? consultant.name : t('directory.consultant.new.description')}
      onRequestClose={guard.requestClose}
      closeOnBackdrop
    >
      <form className="dialog-form" noValidate onSubmit={submit} aria-busy={saving}>
        <div className="dialog-body">
          {refusal && refusal.general.length > 0 && (
            <div className="form-alert" role="alert">
              {refusal.general.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
          <div className="form-grid form-grid--single">
            <TextField {...field('name')} onValueChange={change('name')} label={t('directory.consultant.name')} autoComplete="name" maxLength={120} />
            <TextField
              {...field('email')}
              onValueChange={change('email')}
              label={t('directory.consultant.email')}
              type="email"
              autoComplete="email"
              spellCheck={false}
              maxLength={200}
            />
            <MoneyField
              {...field('dailyRate')}
              className="field--money"
              onValueChange={(text) => change('dailyRate')(text)}
              label={t('directory.consultant.rate')}
              hint={t('directory.consultant.rate.hint')}
              maxLength={16}
            />
          </div>
        </div>
        <footer className="dialog-footer">
          {guard.confirming ? (
            <DiscardConfirm onKeepEditing={guard.keepEditing} onDiscard={guard.discard} />
          ) : (
            <>
              <p className="dialog-footer-status" role="status">
                {status}
              </p>
              <button type="button" className="button button--secondary" onClick={guard.requestClose} aria-disabled={saving}>
                {t('directory.form.cancel')}
              </button>
              <button type="submit" className="button button--primary" aria-disabled={saving}>
                {saving && <span className="spinner spinner--inverse" aria-hidden="true" />}
                {t('directory.form.save')}
              </button>
            </>
          )}
        </footer>
      </form>
    </Dialog>
  );
}
