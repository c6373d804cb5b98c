import { useRef, useState } from 'react';
import type { Role } from '../../../../core/review';
import { errorMessage } from '../../api/errorMessage';
import { useI18n } from '../../i18n';
import { SavedMark } from '../engagement/closing/SavedMark';
import { ModalDialog } from '../engagementForm/ModalDialog';
import { RoleIcon } from '../role/roleIcons';
import { useRole } from '../role/RoleContext';

const OTHER: Record<Role, Role> = { firm: 'region', region: 'firm' };

/** Which way the role changes: what appears, what goes, what stays (the data is never touched). */
const CHANGES = {
  region: ['reviewUi.role.change.toRegion.shows', 'reviewUi.role.change.toRegion.hides', 'reviewUi.role.change.toRegion.keeps'],
  firm: ['reviewUi.role.change.toFirm.shows', 'reviewUi.role.change.toFirm.hides', 'reviewUi.role.change.toFirm.keeps'],
} as const;

/**
 * The role chosen at first launch, and « Passer au rôle … » behind a confirmation that names what
 * changes. Focus starts on « Annuler » and comes back to the button.
 */
export function RoleSetting({ onChanged }: { onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { role, changeRole } = useRole();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const next = OTHER[role];
  const nextName = t(`reviewUi.role.${next}`);

  async function confirm() {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    try {
      await changeRole(next);
      setConfirming(false);
      setChanged(true);
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error, locale));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="role-setting">
      <div className="role-setting-current">
        <span className="role-setting-icon">
          <RoleIcon role={role} />
        </span>
        <div>
          <p className="role-setting-name">{t('reviewUi.role.current', { role: t(`reviewUi.role.${role}`) })}</p>
          <p className="role-setting-text">{t(`reviewUi.role.${role}.text`)}</p>
        </div>
      </div>
      <div className="setting-field-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setProblem(null);
            setChanged(false);
            setConfirming(true);
          }}
        >
          {t('reviewUi.role.change.open', { role: nextName })}
        </button>
        <SavedMark saved={changed} text={t('reviewUi.role.change.done', { role: t(`reviewUi.role.${role}`) })} />
      </div>
      {confirming && (
        <ModalDialog
          title={t('reviewUi.role.change.title', { role: nextName })}
          description={t('reviewUi.role.change.description')}
          onClose={() => !saving && setConfirming(false)}
          initialFocus={cancelRef}
        >
          <div className="modal-body">
            <ul className="role-change-list">
              {CHANGES[next].map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
            {problem && (
              <p className="form-alert" role="alert">
                {problem}
              </p>
            )}
          </div>
          <footer className="modal-footer">
            <p className="form-status" role="status">
              {saving ? t('reviewUi.role.choice.saving') : ''}
            </p>
            <button ref={cancelRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)} disabled={saving}>
              {t('reviewUi.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={saving || undefined}>
              {saving && <span className="spinner spinner--inverse" aria-hidden="true" />}
              {t('reviewUi.role.change.confirm', { role: nextName })}
            </button>
          </footer>
        </ModalDialog>
      )}
    </div>
  );
}
