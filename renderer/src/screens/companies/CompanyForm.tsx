import { useId, useState, type FormEvent } from 'react';
import type { ProgrammeLimits } from '../../../../core/companies';
import type { Company } from '../../../../core/domain';
import type { SavedCompany } from '../../../../core/domainViews';
import { useApi } from '../../api/ApiContext';
import { Dialog } from '../../components/form/Dialog';
import { DiscardConfirm } from '../../components/form/DiscardConfirm';
import { refusalByField } from '../../components/form/serverFindings';
import { TextField } from '../../components/form/TextField';
import { useDiscardGuard } from '../../components/form/useDiscardGuard';
import { useI18n } from '../../i18n';
import {
  COMPANY_FIELDS,
  EMPTY_DRAFT,
  companySaveInput,
  draftOfCompany,
  isCompanyField,
  isComplete,
  tidyField,
  validateDraft,
  withField,
  type CompanyDraft,
  type CompanyFeedback,
  type CompanyField,
} from './companyDraft';

interface Props {
  /** The company to edit, or null for a new one. */
  company: Company | null;
  programmeId: string;
  limits: ProgrammeLimits;
  /** Sectors already in use, offered as suggestions. */
  sectors: readonly string[];
  onSaved: (saved: SavedCompany) => void;
  onClose: () => void;
}

interface Refusal {
  fields: CompanyFeedback;
  /** The values the refusal was about: a field's message goes once its value changes. */
  values: CompanyDraft;
  general: string[];
}

/** Creates or edits a company in a side panel, checking the programme's rules as the user types. */
export function CompanyForm({ company, programmeId, limits, sectors, onSaved, onClose }: Props) {
  const api = useApi();
  const { t, locale, number } = useI18n();
  const formId = useId();
  // The company as loaded, kept while the form is open: what the user changed is told from it.
  const [initial] = useState(() => (company ? draftOfCompany(company) : EMPTY_DRAFT));
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<CompanyField>>(() => new Set(company ? COMPANY_FIELDS : []));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState('');

  const dirty = COMPANY_FIELDS.some((field) => draft[field] !== initial[field]);
  const guard = useDiscardGuard(dirty, onClose, saving);
  const live = validateDraft(draft, limits, t, number);

  function feedbackOf(field: CompanyField) {
    const refused = refusal?.fields[field];
    if (refused && refusal.values[field] === draft[field]) return refused;
    const visible = submitted || touched.has(field) || isComplete(draft, field) || (field === 'departement' && draft.departementEdited);
    return visible ? (live[field] ?? null) : null;
  }

  const fieldId = (field: CompanyField) => `${formId}-${field}`;
  const focusField = (field: CompanyField) => document.getElementById(fieldId(field))?.focus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const firstError = COMPANY_FIELDS.find((field) => live[field]?.severity === 'error');
    if (firstError) {
      const count = COMPANY_FIELDS.filter((field) => live[field]?.severity === 'error').length;
      setStatus(t(count === 1 ? 'directory.form.fix.one' : 'directory.form.fix', { count: number(count) }));
      focusField(firstError);
      return;
    }
    setSaving(true);
    setStatus(t('directory.form.saving'));
    setRefusal(null);
    try {
      const saved = await api.call('companies.save', companySaveInput(company?.id ?? null, initial, draft, programmeId));
      onSaved(saved);
    } catch (error) {
      const { fields, general } = refusalByField<CompanyField>(error, locale, (field) => (isCompanyField(field) ? field : null));
      setRefusal({ fields, values: draft, general });
      setSaving(false);
      setStatus(t('directory.form.notSaved'));
      const first = COMPANY_FIELDS.find((field) => fields[field]?.severity === 'error');
      if (first) focusField(first);
    }
  }

  function field(name: CompanyField) {
    return {
      id: fieldId(name),
      value: draft[name],
      feedback: feedbackOf(name),
      onValueChange: (value: string) => {
        setDraft((previous) => withField(previous, name, value));
        if (!saving) setStatus('');
      },
      onBlur: () => {
        setTouched((previous) => new Set(previous).add(name));
        setDraft((previous) => tidyField(previous, name));
      },
    };
  }

  const range = { min: number(limits.minHeadcount), max: number(limits.maxHeadcount) };
  return (
    <Dialog
      title={company ? t('directory.company.edit.title') : t('directory.company.new.title')}
      description={company ? company.name : t('directory.company.new.description')}
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
          <fieldset className="form-section">
            <legend className="form-section-title">{t('directory.company.section.identity')}</legend>
            <div className="form-grid">
              <TextField
                {...field('siret')}
                className="span-2"
                label={t('directory.company.siret')}
                hint={t('directory.company.siret.hint')}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                maxLength={20}
              />
              <TextField {...field('name')} className="span-2" label={t('directory.company.name')} autoComplete="organization" maxLength={200} />
              <TextField {...field('nafCode')} label={t('directory.company.naf')} hint={t('directory.company.naf.hint')} autoComplete="off" spellCheck={false} maxLength={10} />
              <TextField {...field('headcount')} label={t('directory.company.headcount')} hint={t('directory.company.headcount.hint', range)} inputMode="numeric" autoComplete="off" maxLength={12} />
              <TextField
                {...field('sector')}
                className="span-2"
                label={t('directory.company.sector')}
                optionalLabel={t('directory.form.optional')}
                list={`${formId}-sectors`}
                autoComplete="off"
                maxLength={120}
              />
              <datalist id={`${formId}-sectors`}>
                {sectors.map((sector) => (
                  <option key={sector} value={sector} />
                ))}
              </datalist>
            </div>
          </fieldset>
          <fieldset className="form-section">
            <legend className="form-section-title">{t('directory.company.section.site')}</legend>
            <div className="form-grid form-grid--site">
              <TextField {...field('postalCode')} label={t('directory.company.postalCode')} inputMode="numeric" autoComplete="postal-code" maxLength={10} />
              <TextField {...field('city')} className="span-2" label={t('directory.company.city')} autoComplete="address-level2" maxLength={120} />
              <TextField
                {...field('departement')}
                label={t('directory.company.departement')}
                hint={t('directory.company.departement.hint')}
                autoComplete="off"
                spellCheck={false}
                maxLength={3}
              />
            </div>
          </fieldset>
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
