import { useEffect, useId, useRef, useState } from 'react';
import { ROLES, type Role } from '../../../../core/review';
import { errorMessage } from '../../api/errorMessage';
import { BrandMark } from '../../components/icons';
import { LanguageSelect } from '../../components/LanguageSelect';
import { ErrorPanel } from '../../components/StatePanels';
import { useI18n } from '../../i18n';
import { RoleIcon } from './roleIcons';
import '../../styles/role.css';

/**
 * First launch: who uses Carnet on this computer — the consulting firm or the Région's reviewer.
 * Two cards, each with its title, its sentence and a real button described by that sentence.
 */
export function RoleChoicePage({ onChoose }: { onChoose: (role: Role) => Promise<void> }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [saving, setSaving] = useState<Role | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('reviewUi.role.choice.title')} — ${t('app.name')}`;
  }, [t]);
  useEffect(() => headingRef.current?.focus(), []);

  async function choose(role: Role) {
    if (saving) return;
    setSaving(role);
    setProblem(null);
    try {
      await onChoose(role);
    } catch (error) {
      setProblem(errorMessage(error, locale));
      setSaving(null);
    }
  }

  return (
    <div className="role-page">
      <header className="role-page-header">
        <span className="brand">
          <BrandMark />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </span>
        <LanguageSelect />
      </header>
      <main id="main" className="role-page-main" aria-busy={saving !== null || undefined}>
        <h1 ref={headingRef} tabIndex={-1} className="role-page-title" id={`${id}-title`}>
          {t('reviewUi.role.choice.title')}
        </h1>
        <p className="role-page-lead">{t('reviewUi.role.choice.lead')}</p>
        <div className="role-options">
          {ROLES.map((role) => (
            // The whole card answers a click; its button is the control (keyboard, screen readers).
            <section
              key={role}
              className="role-option"
              aria-labelledby={`${id}-${role}-name`}
              onClick={(event) => {
                if (!(event.target as HTMLElement).closest('button')) void choose(role);
              }}
            >
              <span className="role-option-icon">
                <RoleIcon role={role} />
              </span>
              <h2 id={`${id}-${role}-name`} className="role-option-name">
                {t(`reviewUi.role.${role}`)}
              </h2>
              <p id={`${id}-${role}-text`} className="role-option-text">
                {t(`reviewUi.role.${role}.text`)}
              </p>
              <button type="button" className="button button--primary role-option-go" aria-describedby={`${id}-${role}-text`} aria-disabled={saving !== null || undefined} onClick={() => void choose(role)}>
                {saving === role && <span className="spinner spinner--inverse" aria-hidden="true" />}
                {t(`reviewUi.role.choice.as.${role}`)}
              </button>
            </section>
          ))}
        </div>
        <p className="role-page-note">{t('reviewUi.role.choice.note')}</p>
        <p className="role-page-status" role="status">
          {saving ? t('reviewUi.role.choice.saving') : ''}
        </p>
        {problem && <ErrorPanel message={problem} />}
      </main>
    </div>
  );
}
