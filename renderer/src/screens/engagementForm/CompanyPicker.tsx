import { useMemo, useState } from 'react';
import type { CompanyListRow, ProgrammeView } from '../../../../core/domainViews';
import { SearchField } from '../../components/form/SearchField';
import { intlLocale, useI18n } from '../../i18n';
import { formatDepartement, formatSiret, normalizeForSearch } from '../../lib/format';
import { hrefs } from '../../router';
import { Field, type FieldProblem } from './FormField';

interface Props {
  id: string;
  companies: readonly CompanyListRow[];
  programme: ProgrammeView | null;
  value: string;
  onChange: (companyId: string) => void;
  problem?: FieldProblem | null;
}

/** A select of the companies, narrowed by a filter box (name, city, SIRET, sector). */
export function CompanyPicker({ id, companies, programme, value, onChange, problem }: Props) {
  const { t, number, locale } = useI18n();
  const [query, setQuery] = useState('');
  const selected = companies.find((company) => company.id === value) ?? null;

  const { options, matchCount } = useMemo(() => {
    const collator = new Intl.Collator(intlLocale(locale), { sensitivity: 'base', numeric: true });
    const needle = normalizeForSearch(query);
    const matching = companies.filter((company) => needle === '' || normalizeForSearch(`${company.name} ${company.city} ${company.siret} ${company.sector}`).includes(needle));
    // The chosen company stays in the select whatever the filter says.
    const chosen = companies.find((company) => company.id === value);
    const shown = chosen && !matching.includes(chosen) ? [...matching, chosen] : matching;
    return { options: shown.sort((a, b) => collator.compare(a.name, b.name)), matchCount: matching.length };
  }, [companies, query, value, locale]);

  const warnings: string[] = [];
  if (selected && programme && !programme.departements.includes(selected.departement)) warnings.push(t('programme.new.company.outside'));
  if (selected && programme && (selected.headcount < programme.minHeadcount || selected.headcount > programme.maxHeadcount)) {
    warnings.push(t('programme.new.company.headcount', { min: number(programme.minHeadcount), max: number(programme.maxHeadcount) }));
  }

  return (
    <Field
      id={id}
      label={t('programme.new.company')}
      problem={problem}
      className="company-picker"
      hint={
        companies.length === 0 ? (
          <>
            {t('programme.new.company.none')} <a href={hrefs.companies()}>{t('programme.new.company.directory')}</a>
          </>
        ) : undefined
      }
    >
      {(control) => (
        <>
          <div className="company-picker-filter">
            <SearchField id={`${id}-filter`} label={t('programme.new.company.filter')} placeholder={t('programme.new.company.filter.placeholder')} value={query} onChange={setQuery} />
            <p className="company-picker-count" role="status">
              {query.trim() ? t('programme.new.company.matches', { shown: number(matchCount), total: number(companies.length) }) : ''}
            </p>
          </div>
          <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
            <option value="">{t('programme.params.choose')}</option>
            {options.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
          {selected && (
            <div className="company-facts">
              <span className="num">{t('programme.new.company.siret', { siret: formatSiret(selected.siret) })}</span>
              <span>
                {selected.city} · {formatDepartement(selected.departement)}
              </span>
              {selected.sector && <span>{selected.sector}</span>}
              <span>{t('engagement.headcount.value', { count: number(selected.headcount) })}</span>
              {selected.engagementCount > 0 && (
                <span className="company-facts-badge">{t(selected.engagementCount === 1 ? 'programme.new.company.engaged.one' : 'programme.new.company.engaged', { count: number(selected.engagementCount) })}</span>
              )}
              {warnings.map((warning) => (
                <span key={warning} className="flag-badge flag-badge--warning">
                  {warning}
                </span>
              ))}
            </div>
          )}
        </>
      )}
    </Field>
  );
}
