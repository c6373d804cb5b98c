import type { ClosingCheck, ClosingChecklist, Settings } from '../../../../../core/contract';
import { useI18n } from '../../../i18n';
import { CheckStateIcon } from './closingIcons';
import { SettingField } from './SettingField';

export type CheckState = 'ok' | 'warning' | 'error';

export const checkState = (check: ClosingCheck): CheckState => (check.ok ? 'ok' : check.severity);

interface Props {
  checklist: ClosingChecklist;
  settings: Settings | null;
  /** The checklist is being run again (after a fix): the list stays, dimmed. */
  checking: boolean;
  /** Id of the inline field that fixes a setting check (focused after opening and after a fix). */
  fixInputId: (key: 'sharedFolder' | 'firmName') => string;
  disabled: boolean;
  onSettingSaved: (key: 'sharedFolder' | 'firmName', settings: Settings) => void;
}

/**
 * What « Clôturer la mission » checks, each with ✓, ⚠ or ✗ and the application's sentence; the
 * two device settings it needs (shared folder, firm's name) can be fixed right there.
 */
export function ClosingChecks({ checklist, settings, checking, fixInputId, disabled, onSettingSaved }: Props) {
  const { t } = useI18n();
  return (
    <ul className={`closing-checks${checking ? ' is-checking' : ''}`} aria-busy={checking || undefined}>
      {checklist.checks.map((check) => {
        const state = checkState(check);
        const fixable = !check.ok && !disabled && (check.key === 'sharedFolder' || check.key === 'firmName');
        return (
          <li key={check.key} className={`closing-check closing-check--${state}`}>
            <CheckStateIcon state={state} />
            <div className="closing-check-body">
              <p className="closing-check-label">
                {t(`closingUi.check.${check.key}`)}
                <span className="visually-hidden"> — {t(`closingUi.check.state.${state}`)}</span>
              </p>
              <p className="closing-check-message">{check.message}</p>
              {fixable && (check.key === 'sharedFolder' || check.key === 'firmName') && (
                <SettingField
                  // A new form when the saved value changes, so that it starts from it.
                  key={`${check.key}:${settings?.[check.key] ?? ''}`}
                  setting={check.key}
                  initial={settings?.[check.key] ?? ''}
                  required
                  inputId={fixInputId(check.key)}
                  onSaved={(saved) => onSettingSaved(check.key as 'sharedFolder' | 'firmName', saved)}
                />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
