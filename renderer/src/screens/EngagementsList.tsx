import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { DemoSummary } from '../../../core/contract';
import type { EngagementRow } from '../../../core/domain';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { PlusIcon } from './companies/directoryIcons';
import { DemoEmptyState } from './list/DemoEmptyState';
import { EngagementsTable } from './list/EngagementsTable';
import { ListToolbar } from './list/ListToolbar';
import type { ListFilters, ListMemory } from './list/listView';
import { useEngagementsTable } from './list/useEngagementsTable';

const NO_ROWS: EngagementRow[] = [];

interface Props {
  filters: ListFilters;
  onFiltersChange: Dispatch<SetStateAction<ListFilters>>;
  memory: RefObject<ListMemory>;
}

export function EngagementsList({ filters, onFiltersChange, memory }: Props) {
  const { t, number } = useI18n();
  const info = useApiQuery('app.info', (api) => api.call('app.info', {}));
  const list = useApiQuery('engagements.list', (api) => api.call('engagements.list', {}));
  const rows = list.state.status === 'success' ? list.state.data : NO_ROWS;
  const table = useEngagementsTable(rows, filters, onFiltersChange);
  const [demoSummary, setDemoSummary] = useState<DemoSummary | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('list.title')} — ${t('app.name')}`;
  }, [t]);

  const isEmpty = info.state.status === 'success' && info.state.data.counts.engagements === 0 && rows.length === 0;
  const ready = list.state.status === 'success' && info.state.status === 'success';

  // Once the demo data is in, the button is gone: move focus to the screen's heading.
  useEffect(() => {
    if (demoSummary && !isEmpty) headingRef.current?.focus();
  }, [demoSummary, isEmpty]);

  function onDemoLoaded(summary: DemoSummary) {
    setDemoSummary(summary);
    info.refresh();
    list.refresh();
  }

  const failure = list.state.status === 'error' ? list.state : info.state.status === 'error' ? info.state : null;
  const shown = table.getRowModel().rows.length;
  const resetKey = JSON.stringify([filters.search.trim(), filters.status, filters.wave, filters.sorting]);

  return (
    <div className="screen screen--list">
      <header className="page-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1} className="page-title">
            {t('list.title')}
          </h1>
          <p className="page-subtitle">{t('list.subtitle')}</p>
        </div>
        <p className="page-header-note" role="status">
          {demoSummary && !isEmpty ? t('list.demo.done', { engagements: number(demoSummary.engagements), dayEntries: number(demoSummary.dayEntries) }) : ''}
        </p>
        <a className="button button--primary" href={hrefs.newEngagement()}>
          <PlusIcon />
          {t('programme.new.open')}
        </a>
      </header>

      {failure ? (
        <ErrorPanel
          message={failure.message}
          onRetry={() => {
            info.reload();
            list.reload();
          }}
        />
      ) : !ready ? (
        <LoadingPanel label={t('common.loading')} />
      ) : isEmpty ? (
        <DemoEmptyState onLoaded={onDemoLoaded} />
      ) : (
        <div className="table-card">
          <ListToolbar rows={rows} shown={shown} filters={filters} onFiltersChange={onFiltersChange} />
          <EngagementsTable table={table} memory={memory} resetKey={resetKey} />
          <p id="list-keyboard-hint" className="table-footnote">
            {t('list.keyboardHint')}
          </p>
        </div>
      )}
    </div>
  );
}
