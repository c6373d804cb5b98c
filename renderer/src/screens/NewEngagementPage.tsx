import { useEffect } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { ArrowLeftIcon } from '../components/icons';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { programmeForCompanies } from './companies/defaultProgramme';
import { NewEngagementForm } from './engagementForm/NewEngagementForm';

/** « Nouvel engagement »: a company selected for the programme, its allowance, rate and consultants. */
export function NewEngagementPage() {
  const { t } = useI18n();
  const programmes = useApiQuery('programmes.list', (api) => api.call('programmes.list', {}));
  const companies = useApiQuery('companies.list', (api) => api.call('companies.list', {}));
  const consultants = useApiQuery('consultants.list', (api) => api.call('consultants.list', {}));

  useEffect(() => {
    document.title = `${t('programme.new.title')} — ${t('app.name')}`;
  }, [t]);

  const queries = [programmes, companies, consultants];
  const failure = queries.map((query) => query.state).find((state) => state.status === 'error');
  const defaultProgramme = programmes.state.status === 'success' ? programmeForCompanies(programmes.state.data) : null;

  return (
    <div className="screen screen--new-engagement">
      <a className="back-link" href={hrefs.list()}>
        <ArrowLeftIcon />
        {t('engagement.back')}
      </a>
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('programme.new.title')}
          </h1>
          <p className="page-subtitle">{t('programme.new.subtitle')}</p>
        </div>
      </header>
      {failure?.status === 'error' ? (
        <ErrorPanel message={failure.message} onRetry={() => queries.forEach((query) => query.reload())} />
      ) : programmes.state.status !== 'success' || companies.state.status !== 'success' || consultants.state.status !== 'success' ? (
        <LoadingPanel label={t('common.loading')} />
      ) : defaultProgramme === null ? (
        <ErrorPanel message={t('programme.new.noProgramme')} />
      ) : (
        <NewEngagementForm
          programmes={programmes.state.data}
          defaultProgrammeId={defaultProgramme.id}
          companies={companies.state.data}
          consultants={consultants.state.data}
        />
      )}
    </div>
  );
}
