import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

export interface NoticeContent {
  tone: 'success' | 'warning';
  title: string;
  /** Further lines, e.g. the warnings a save went through with. */
  lines?: string[];
}

/**
 * The outcome of an action, in a status region that is always in the page (so that what is put
 * in it is announced), with a button to dismiss it.
 */
export function Notice({ notice, onDismiss, children }: { notice: NoticeContent | null; onDismiss: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="notice-region" role="status">
      {notice && (
        <div className={`notice notice--${notice.tone}`}>
          <svg className="notice-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            {notice.tone === 'success' ? (
              <>
                <circle cx="10" cy="10" r="8" fill="currentColor" />
                <path d="m6.5 10.2 2.3 2.3 4.7-4.9" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </>
            ) : (
              <>
                <path d="M10 2.2 18.5 17H1.5z" fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
                <path d="M10 7.5v4M10 14.2v.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
              </>
            )}
          </svg>
          <div className="notice-body">
            <p className="notice-title">{notice.title}</p>
            {notice.lines && notice.lines.length > 0 && (
              <ul className="notice-lines">
                {notice.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {children}
          </div>
          <button type="button" className="notice-dismiss" onClick={onDismiss} aria-label={t('directory.notice.dismiss')}>
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
