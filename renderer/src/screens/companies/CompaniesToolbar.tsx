import { useId } from 'react';
import { SearchIcon } from '../../components/icons';
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
      <div className="search-field">
        <label className="visually-hidden" htmlFor={`${id}-search`}>
          {t('directory.companies.search')}
        </label>
        <SearchIcon />
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('directory.companies.search.placeholder')}
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      <p className="toolbar-count" role="status">
        {t(total === 1 ? 'directory.companies.count.one' : 'directory.companies.count', { shown: number(shown), total: number(total) })}
      </p>
    </div>
  );
}
