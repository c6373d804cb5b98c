import { useEffect, useState } from 'react';
import type { Consultant } from '../../../core/domain';
import { useApiQuery } from '../api/useApiQuery';
import { Notice, type NoticeContent } from '../components/form/Notice';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { PlusIcon } from './companies/directoryIcons';
import { ConsultantForm } from './consultants/ConsultantForm';
import { ConsultantsTable } from './consultants/ConsultantsTable';

/** The firm's consultants and their default daily rate (excl. VAT), proposed for new engagements. */
export function ConsultantsPage() {
  const { t, number } = useI18n();
  const consultants = useApiQuery('consultants.list', (api) => api.call('consultants.list', {}));
  const [editing, setEditing] = useState<{ consultant: Consultant | null } | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('directory.consultants.title')} — ${t('app.name')}`;
  }, [t]);

  function onSaved(saved: Consultant, isNew: boolean) {
    setEditing(null);
    setHighlightId(saved.id);
    setNotice({ tone: 'success', title: t(isNew ? 'directory.consultant.created' : 'directory.consultant.updated', { name: saved.name }) });
    consultants.refresh();
  }

  const state = consultants.state;
  return (
    <div className="screen screen--consultants">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('directory.consultants.title')}
          </h1>
          <p className="page-subtitle">{t('directory.consultants.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button--primary" onClick={() => setEditing({ consultant: null })}>
            <PlusIcon />
            {t('directory.consultant.new')}
          </button>
        </div>
      </header>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {state.status === 'error' && <ErrorPanel message={state.message} onRetry={consultants.reload} />}
      {state.status === 'loading' && <LoadingPanel label={t('common.loading')} />}
      {state.status === 'success' && (
        <section className="card card--flush directory-card" aria-labelledby="consultants-card-title">
          <header className="card-header">
            <h2 id="consultants-card-title" className="card-title">
              {t('directory.consultants.card')}
            </h2>
            <span className="card-count">{t(state.data.length === 1 ? 'directory.consultants.count.one' : 'directory.consultants.count', { count: number(state.data.length) })}</span>
          </header>
          {state.data.length === 0 ? (
            <p className="card-empty">{t('directory.consultants.empty')}</p>
          ) : (
            <ConsultantsTable consultants={state.data} highlightId={highlightId} onEdit={(consultant) => setEditing({ consultant })} />
          )}
        </section>
      )}

      {editing && <ConsultantForm consultant={editing.consultant} onSaved={(saved) => onSaved(saved, editing.consultant === null)} onClose={() => setEditing(null)} />}
    </div>
  );
}
