import { useId } from 'react';
import { SearchField } from '../../components/form/SearchField';
import { useI18n } from '../../i18n';

interface Props {
  search: string;
  onSearchChange: (search: string) => void;
  shown: number;
  total: number;
}

export function CompaniesToolbar({ search, onSearchChange, shown, total }: Props) {
  const { t, number } = useI18n();
  const id = useId();
  return (
    <div className="toolbar" role="search">
      <SearchField id={`${id}-search`} label={t('directory.companies.search')} placeholder={t('directory.companies.search.placeholder')} value={search} onChange={onSearchChange} />
      <p className="toolbar-count" role="status">
        {t(total === 1 ? 'directory.companies.count.one' : 'directory.companies.count', { shown: number(shown), total: number(total) })}
      </p>
    </div>
  );
}
