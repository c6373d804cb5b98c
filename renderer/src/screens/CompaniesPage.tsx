import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Company } from '../../../core/domain';
import type { CompanyImportResult, CompanyListRow, SavedCompany } from '../../../core/domainViews';
import { useApiQuery } from '../api/useApiQuery';
import { Notice, type NoticeContent } from '../components/form/Notice';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { intlLocale, useI18n } from '../i18n';
import { CompaniesTable } from './companies/CompaniesTable';
import { CompaniesToolbar } from './companies/CompaniesToolbar';
import { CompanyForm } from './companies/CompanyForm';
import { programmeForCompanies } from './companies/defaultProgramme';
import { PlusIcon, UploadIcon } from './companies/directoryIcons';
import { ImportWizard } from './companies/import/ImportWizard';
import { useCompaniesTable } from './companies/useCompaniesTable';

const NO_COMPANIES: CompanyListRow[] = [];
const NO_DEPARTEMENTS: string[] = [];

/** The companies of the programme: a searchable table, a form to add or edit one, a CSV import. */
export function CompaniesPage() {
  const { t, locale, number } = useI18n();
  const companies = useApiQuery('companies.list', (api) => api.call('companies.list', {}));
  const programmes = useApiQuery('programmes.list', (api) => api.call('programmes.list', {}));
  const programme = programmes.state.status === 'success' ? programmeForCompanies(programmes.state.data) : null;
  const rows = companies.state.status === 'success' ? companies.state.data : NO_COMPANIES;

  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ company: Company | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('directory.companies.title')} — ${t('app.name')}`;
  }, [t]);

  const onEdit = useCallback((company: CompanyListRow) => setEditing({ company }), []);
  const table = useCompaniesTable(rows, search, programme?.departements ?? NO_DEPARTEMENTS, onEdit);
  const sectors = useMemo(() => {
    const collator = new Intl.Collator(intlLocale(locale), { sensitivity: 'base' });
    return [...new Set(rows.map((row) => row.sector).filter(Boolean))].sort(collator.compare);
  }, [rows, locale]);

  function onSaved(saved: SavedCompany, isNew: boolean) {
    setEditing(null);
    setHighlightId(saved.company.id);
    const name = saved.company.name;
    setNotice(
      saved.warnings.length > 0
        ? { tone: 'warning', title: t(isNew ? 'directory.company.created.warnings' : 'directory.company.updated.warnings', { name }), lines: saved.warnings.map((warning) => warning.message) }
        : { tone: 'success', title: t(isNew ? 'directory.company.created' : 'directory.company.updated', { name }) },
    );
    companies.refresh();
  }

  function onImported(result: CompanyImportResult) {
    setHighlightId(null);
    setNotice({
      tone: result.rejected > 0 ? 'warning' : 'success',
      title: t(result.imported === 1 ? 'directory.import.notice.one' : 'directory.import.notice', { count: number(result.imported) }),
      lines: result.rejected > 0 ? [t(result.rejected === 1 ? 'directory.import.notice.rejected.one' : 'directory.import.notice.rejected', { count: number(result.rejected) })] : [],
    });
    companies.refresh();
  }

  const failure = companies.state.status === 'error' ? companies.state : programmes.state.status === 'error' ? programmes.state : null;
  const ready = companies.state.status === 'success' && programme !== null;
  const shown = table.getRowModel().rows.length;

  return (
    <div className="screen screen--directory">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('directory.companies.title')}
          </h1>
          <p className="page-subtitle">{t('directory.companies.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button--secondary" onClick={() => setImporting(true)} disabled={!ready}>
            <UploadIcon />
            {t('directory.import.open')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setEditing({ company: null })} disabled={!ready}>
            <PlusIcon />
            {t('directory.company.new')}
          </button>
        </div>
      </header>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {failure ? (
        <ErrorPanel
          message={failure.message}
          onRetry={() => {
            companies.reload();
            programmes.reload();
          }}
        />
      ) : !ready ? (
        <LoadingPanel label={t('common.loading')} />
      ) : programme === null ? null : rows.length === 0 ? (
        <div className="table-card table-card--empty">
          <p className="directory-empty-title">{t('directory.companies.empty.title')}</p>
          <p className="directory-empty-text">{t('directory.companies.empty.text')}</p>
        </div>
      ) : (
        <div className="table-card">
          <CompaniesToolbar search={search} onSearchChange={setSearch} shown={shown} total={rows.length} />
          <CompaniesTable table={table} resetKey={search.trim()} highlightId={highlightId} />
        </div>
      )}

      {editing && programme && (
        <CompanyForm
          company={editing.company}
          programmeId={programme.id}
          limits={programme}
          sectors={sectors}
          onSaved={(saved) => onSaved(saved, editing.company === null)}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && programme && <ImportWizard programmeId={programme.id} onImported={onImported} onClose={() => setImporting(false)} />}
    </div>
  );
}
