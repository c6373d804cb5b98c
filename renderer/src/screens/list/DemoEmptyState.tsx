import { useState } from 'react';
import type { DemoSummary } from '../../../../core/contract';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { DatabaseIcon } from '../../components/icons';
import { ErrorPanel } from '../../components/StatePanels';
import { useI18n } from '../../i18n';

/** An empty database: offer the demo data set, say that it is loading, then hand over. */
export function DemoEmptyState({ onLoaded }: { onLoaded: (summary: DemoSummary) => void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [state, setState] = useState<{ status: 'idle' | 'loading' } | { status: 'error'; message: string }>({ status: 'idle' });

  async function load() {
    if (state.status === 'loading') return;
    setState({ status: 'loading' });
    try {
      onLoaded(await api.call('demo.load', {}));
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error, locale) });
    }
  }

  const loading = state.status === 'loading';
  return (
    <section className="empty-state" aria-labelledby="demo-title">
      <div className="empty-state-icon">
        <DatabaseIcon />
      </div>
      <h2 id="demo-title" className="empty-state-title">
        {t('list.demo.title')}
      </h2>
      <p className="empty-state-text">{t('list.demo.prompt')}</p>
      <button type="button" className="button button--primary button--large" onClick={load} aria-disabled={loading} aria-describedby="demo-progress">
        {loading && <span className="spinner spinner--inverse" aria-hidden="true" />}
        {t('list.demo.load')}
      </button>
      <p id="demo-progress" className="empty-state-progress" role="status">
        {loading ? t('list.demo.loading') : ''}
      </p>
      {state.status === 'error' && <ErrorPanel message={state.message} onRetry={load} />}
    </section>
  );
}
