import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ProgrammeView } from '../../../../core/domainViews';
import { useApi } from '../../api/ApiContext';
import { useI18n } from '../../i18n';
import { Field, type ControlProps, type FieldProblem } from '../engagementForm/FormField';
import { ModalDialog } from '../engagementForm/ModalDialog';
import { readRefusal } from '../engagementForm/refusal';
import { WavesEditor } from './WavesEditor';
import { checkProgramme, draftOf, newProgrammeDraft, PROGRAMME_FIELDS, programmeFieldOf, programmeSaveInput, type ProgrammeDraft, type ProgrammeField } from './programmeDraft';

type Problems = Partial<Record<ProgrammeField, FieldProblem>>;

interface Props {
  programme: ProgrammeView | null;
  onSaved: (saved: ProgrammeView) => void;
  onClose: () => void;
}

/**
 * Creates a programme or changes one through programmes.save. A change that existing engagements
 * cannot follow is refused as a whole; the refusal names them, in an alert above the fields.
 */
export function ProgrammeForm({ programme, onSaved, onClose }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const formId = useId();
  // The programme as loaded, kept while the form is open: what the user changed is told from it.
  const [loaded] = useState(programme);
  const [draft, setDraft] = useState<ProgrammeDraft>(() => (loaded ? draftOf(loaded, locale) : newProgrammeDraft()));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [refusal, setRefusal] = useState<{ conflict: boolean; messages: string[] } | null>(null);
  const [status, setStatus] = useState('');

  const checked = checkProgramme(draft, i18n);
  const problems: Problems = { ...(submitted ? checked.problems : {}), ...serverProblems };
  const fieldId = (field: ProgrammeField) => `${formId}-${field}`;

  function change(patch: Partial<ProgrammeDraft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
    setServerProblems((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !(field in patch))));
    if (!saving) setStatus('');
  }

  function focusFirst(fields: Problems) {
    const first = PROGRAMME_FIELDS.find((field) => fields[field]?.severity === 'error');
    const element = first ? document.getElementById(fieldId(first)) : null;
    (element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, button') : element)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setRefusal(null);
    if (!checked.input) {
      const count = Object.keys(checked.problems).length;
      setStatus(t(count === 1 ? 'programme.form.fix.one' : 'programme.form.fix', { count }));
      focusFirst(checked.problems);
      return;
    }
    setSaving(true);
    setStatus(t('programme.form.saving'));
    try {
      onSaved(await api.call('programmes.save', programmeSaveInput(loaded, checked.input)));
    } catch (error) {
      const { fields, errors, general } = readRefusal(error, locale, programmeFieldOf);
      // A conflict names every engagement in the way: listed once above, pointed to beside its field.
      const conflicts = errors.filter((finding) => finding.rule.startsWith('rule.programme.conflict.'));
      for (const finding of conflicts) {
        const field = programmeFieldOf(finding.field);
        if (field && fields[field]?.text === finding.message) fields[field] = { text: t('programme.edit.conflict.field'), severity: 'error' };
      }
      setServerProblems(fields);
      setRefusal({
        conflict: conflicts.length > 0,
        // Every broken rule is listed, including those shown beside a field.
        messages: errors.length > 0 ? errors.map((finding) => finding.message) : general.length > 0 ? general : Object.values(fields).map((problem) => problem.text),
      });
      setSaving(false);
      setStatus(t('programme.form.notSaved'));
      document.getElementById(`${formId}-refusal`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  const text = (field: Exclude<ProgrammeField, 'waves'>, label: string, render?: (control: ControlProps) => ReactNode, hint?: string, className?: string) => (
    <Field id={fieldId(field)} label={label} problem={problems[field]} hint={hint} className={className}>
      {(control) => render?.(control) ?? <input {...control} className="input" value={draft[field]} onChange={(event) => change({ [field]: event.target.value })} />}
    </Field>
  );
  const number = (field: 'minDays' | 'maxDays' | 'minHeadcount' | 'maxHeadcount', label: string, suffix: string) =>
    text(field, label, (control) => (
      <div className="edit-control edit-control--suffix">
        <input {...control} className="input num" inputMode="numeric" value={draft[field]} onChange={(event) => change({ [field]: event.target.value })} />
        <span className="edit-suffix" aria-hidden="true">
          {suffix}
        </span>
      </div>
    ));

  return (
    <ModalDialog
      title={programme ? t('programme.edit.title') : t('programme.edit.new.title')}
      description={programme ? programme.name : t('programme.edit.new.description')}
      variant="panel"
      onClose={() => !saving && onClose()}
    >
      <form className="modal-form" noValidate onSubmit={submit} aria-busy={saving}>
        <div className="modal-body">
          <div id={`${formId}-refusal`} role="alert" className="programme-refusal-region">
            {refusal && (
              <div className="form-refusal">
                <p className="form-refusal-title">{t(refusal.conflict ? 'programme.edit.refused.conflict' : 'programme.edit.refused')}</p>
                <ul>
                  {refusal.messages.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <h3 className="edit-section-title">{t('programme.edit.section.identity')}</h3>
          <div className="edit-grid">
            {text('name', t('programme.edit.name'), undefined, undefined, 'edit-grid-wide')}
            {text(
              'funders',
              t('programme.edit.funders'),
              (control) => <textarea {...control} className="input textarea" rows={3} value={draft.funders} onChange={(event) => change({ funders: event.target.value })} />,
              t('programme.edit.funders.hint'),
              'edit-grid-wide',
            )}
          </div>
          <h3 className="edit-section-title">{t('programme.edit.section.funding')}</h3>
          <div className="edit-grid edit-grid--four">
            {text(
              'publicShare',
              t('programme.edit.publicShare'),
              (control) => (
                <div className="edit-control edit-control--suffix">
                  <input {...control} className="input num" inputMode="decimal" value={draft.publicShare} onChange={(event) => change({ publicShare: event.target.value })} />
                  <span className="edit-suffix" aria-hidden="true">
                    %
                  </span>
                </div>
              ),
            )}
            {text(
              'envelope',
              t('programme.edit.envelope'),
              (control) => (
                <div className="edit-control edit-control--suffix">
                  <input {...control} className="input num" inputMode="decimal" value={draft.envelope} onChange={(event) => change({ envelope: event.target.value })} />
                  <span className="edit-suffix" aria-hidden="true">
                    €
                  </span>
                </div>
              ),
            )}
            {number('minDays', t('programme.edit.minDays'), t('programme.params.daysSuffix'))}
            {number('maxDays', t('programme.edit.maxDays'), t('programme.params.daysSuffix'))}
          </div>
          <h3 className="edit-section-title">{t('programme.edit.section.eligibility')}</h3>
          <div className="edit-grid edit-grid--four">
            {number('minHeadcount', t('programme.edit.minHeadcount'), t('programme.edit.headcountSuffix'))}
            {number('maxHeadcount', t('programme.edit.maxHeadcount'), t('programme.edit.headcountSuffix'))}
            {text('departements', t('programme.edit.departements'), undefined, t('programme.edit.departements.hint'), 'edit-grid-half')}
          </div>
          <h3 className="edit-section-title">{t('programme.edit.section.calendar')}</h3>
          <div className="edit-grid edit-grid--four">
            {text('opensOn', t('programme.edit.opensOn'), (control) => <input {...control} className="input num" type="date" value={draft.opensOn} onChange={(event) => change({ opensOn: event.target.value })} />)}
            {text('closesOn', t('programme.edit.closesOn'), (control) => <input {...control} className="input num" type="date" value={draft.closesOn} onChange={(event) => change({ closesOn: event.target.value })} />)}
          </div>
          <WavesEditor id={fieldId('waves')} waves={draft.waves} onChange={(waves) => change({ waves })} problem={problems.waves} />
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
            {programme ? t('programme.edit.save') : t('programme.edit.create')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
