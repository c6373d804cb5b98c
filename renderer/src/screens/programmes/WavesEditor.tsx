import { useRef } from 'react';
import { useI18n } from '../../i18n';
import { ProblemMessage, type FieldProblem } from '../engagementForm/FormField';
import { PlusIcon } from '../companies/directoryIcons';
import type { WaveDraft } from './programmeDraft';

interface Props {
  id: string;
  waves: readonly WaveDraft[];
  onChange: (waves: WaveDraft[]) => void;
  problem?: FieldProblem | null;
}

/**
 * The application waves, in order: rename, set a deadline, add one. A saved wave stays (engagements
 * may belong to it); a wave added in this form can be taken out again before saving.
 */
export function WavesEditor({ id, waves, onChange, problem }: Props) {
  const { t } = useI18n();
  const counter = useRef(0);
  const update = (key: string, patch: Partial<WaveDraft>) => onChange(waves.map((wave) => (wave.key === key ? { ...wave, ...patch } : wave)));

  function add() {
    counter.current += 1;
    const key = `added-${counter.current}`;
    onChange([...waves, { key, name: t('programme.edit.wave.defaultName', { number: waves.length + 1 }), deadlineOn: '' }]);
    // Once drawn, the new wave's name is where the user types next.
    requestAnimationFrame(() => document.getElementById(`${id}-${key}-name`)?.focus());
  }

  function remove(index: number) {
    const next = waves.filter((_, position) => position !== index);
    onChange(next);
    requestAnimationFrame(() => document.getElementById(next.length > 0 ? `${id}-${next[Math.max(0, index - 1)]!.key}-name` : `${id}-add`)?.focus());
  }

  return (
    <fieldset
      id={id}
      className={`edit-fieldset waves-editor${problem ? ` edit-field--${problem.severity}` : ''}`}
      aria-describedby={[problem ? `${id}-problem` : null, `${id}-hint`].filter(Boolean).join(' ')}
    >
      <legend className="edit-field-label">{t('programme.edit.waves')}</legend>
      {problem && <ProblemMessage id={`${id}-problem`} problem={problem} />}
      {waves.length > 0 && (
        <div className="waves-head" aria-hidden="true">
          <span />
          <span>{t('programme.edit.wave.name')}</span>
          <span>{t('programme.edit.wave.deadline')}</span>
          <span />
        </div>
      )}
      <ol className="waves-list">
        {waves.map((wave, index) => (
          <li key={wave.key} className="wave-row">
            <span className="wave-number num" aria-hidden="true">
              {index + 1}
            </span>
            <input
              id={`${id}-${wave.key}-name`}
              className="input"
              aria-label={t('programme.edit.wave.name.label', { number: index + 1 })}
              value={wave.name}
              maxLength={80}
              onChange={(event) => update(wave.key, { name: event.target.value })}
            />
            <input
              className="input num"
              type="date"
              aria-label={t('programme.edit.wave.deadline.label', { number: index + 1 })}
              value={wave.deadlineOn}
              onChange={(event) => update(wave.key, { deadlineOn: event.target.value })}
            />
            {wave.id ? (
              <span className="wave-saved">{t('programme.edit.wave.saved')}</span>
            ) : (
              <button type="button" className="button button--ghost" onClick={() => remove(index)}>
                {t('programme.edit.wave.remove')}
                <span className="visually-hidden"> {t('programme.edit.wave.remove.which', { number: index + 1 })}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <button id={`${id}-add`} type="button" className="button button--secondary waves-add" onClick={add}>
        <PlusIcon />
        {t('programme.edit.wave.add')}
      </button>
      <p id={`${id}-hint`} className="edit-field-hint">
        {t('programme.edit.waves.hint')}
      </p>
    </fieldset>
  );
}
