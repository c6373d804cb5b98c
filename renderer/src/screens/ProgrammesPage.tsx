import { useEffect, useState } from 'react';
import type { ProgrammeView } from '../../../core/domainViews';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { PlusIcon } from './companies/directoryIcons';
import { programmeForCompanies } from './companies/defaultProgramme';
import { ProgrammeCard } from './programmes/ProgrammeCard';
import { ProgrammeForm } from './programmes/ProgrammeForm';

/** The programmes the firm runs: their rules and envelope, edited through programmes.save. */
export function ProgrammesPage() {
  const { t } = useI18n();
  const programmes = useApiQuery('programmes.list', (api) => api.call('programmes.list', {}));
  const [editing, setEditing] = useState<{ programme: ProgrammeView | null } | null>(null);
  const [notice, setNotice] = useState('');
  const [highlightId, setHighlightId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('programme.list.title')} — ${t('app.name')}`;
  }, [t]);

  function onSaved(saved: ProgrammeView, isNew: boolean) {
    setEditing(null);
    setHighlightId(saved.id);
    setNotice(t(isNew ? 'programme.list.created' : 'programme.list.saved', { name: saved.name }));
    programmes.refresh();
  }

  const state = programmes.state;
  const defaultId = state.status === 'success' ? programmeForCompanies(state.data)?.id : undefined;
  return (
    <div className="screen screen--programmes">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('programme.list.title')}
          </h1>
          <p className="page-subtitle">{t('programme.list.subtitle')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setEditing({ programme: null })}>
          <PlusIcon />
          {t('programme.list.new')}
        </button>
      </header>
      <p className="programmes-notice" role="status">
        {notice}
      </p>
      {state.status === 'error' && <ErrorPanel message={state.message} onRetry={programmes.reload} />}
      {state.status === 'loading' && <LoadingPanel label={t('common.loading')} />}
      {state.status === 'success' &&
        (state.data.length === 0 ? (
          <p className="card card-empty">{t('programme.list.empty')}</p>
        ) : (
          <div className="programme-cards">
            {state.data.map((programme) => (
              <ProgrammeCard
                key={programme.id}
                programme={programme}
                isDefault={programme.id === defaultId}
                highlighted={programme.id === highlightId}
                onEdit={() => setEditing({ programme })}
              />
            ))}
          </div>
        ))}
      {editing && <ProgrammeForm programme={editing.programme} onSaved={(saved) => onSaved(saved, editing.programme === null)} onClose={() => setEditing(null)} />}
    </div>
  );
}
