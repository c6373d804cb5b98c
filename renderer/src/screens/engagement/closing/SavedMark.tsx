import { useI18n } from '../../../i18n';

/** « Enregistré », with a check mark, in a status region so that it is announced. */
export function SavedMark({ saved, text }: { saved: boolean; text?: string }) {
  const { t } = useI18n();
  return (
    <span className="saved-mark" role="status">
      {saved && (
        <>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="m4.8 8.2 2 2 4.1-4.3" fill="none" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {text ?? t('closingUi.setting.saved')}
        </>
      )}
    </span>
  );
}
