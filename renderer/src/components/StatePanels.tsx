import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { AlertIcon } from './icons';

/** A failed call: the application's message, in an alert region, with « Réessayer ». */
export function ErrorPanel({ message, onRetry, children }: { message: string; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="panel panel--error" role="alert">
      <AlertIcon />
      <div className="panel-body">
        <p className="panel-title">{t('common.error')}</p>
        <p className="panel-text">{message}</p>
        <div className="panel-actions">
          {onRetry && (
            <button type="button" className="button button--secondary" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
          {children}
        </div>
      </div>
    </div>
  );
}

export function LoadingPanel({ label }: { label: string }) {
  return (
    <div className="panel panel--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
