import { useId } from 'react';
import { COMPANY_IMPORT_FIELDS, type CompanyImportField, type CompanyImportMapping, type CompanyImportPreview } from '../../../../../core/domainViews';
import { useI18n } from '../../../i18n';

const FIELD_LABELS = {
  siret: 'directory.company.siret',
  name: 'directory.company.name',
  nafCode: 'directory.company.naf',
  sector: 'directory.company.sector',
  headcount: 'directory.company.headcount',
  postalCode: 'directory.company.postalCode',
  city: 'directory.company.city',
  departement: 'directory.company.departement',
} as const satisfies Record<CompanyImportField, string>;

/** Fields a row can do without: the sector, and the département (taken from the postal code). */
const OPTIONAL_FIELDS: readonly CompanyImportField[] = ['sector', 'departement'];

interface Props {
  preview: CompanyImportPreview;
  onChange: (mapping: CompanyImportMapping) => void;
}

/** One select per field: which column of the file holds it, or « (non importé) ». */
export function ImportMapping({ preview, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const firstRow = preview.rows[0];

  return (
    <fieldset className="form-section import-mapping">
      <legend className="form-section-title">{t('directory.import.mapping.title')}</legend>
      <p className="form-section-note">{t('directory.import.mapping.note')}</p>
      <div className="import-mapping-grid">
        {COMPANY_IMPORT_FIELDS.map((field) => {
          const header = preview.mapping[field];
          const index = header === null ? -1 : preview.headers.indexOf(header);
          const sample = index >= 0 ? firstRow?.values[field] : undefined;
          const selectId = `${id}-${field}`;
          return (
            <div key={field} className="field">
              <label className="field-label" htmlFor={selectId}>
                {t(FIELD_LABELS[field])}
                {OPTIONAL_FIELDS.includes(field) && <span className="field-optional"> {t('directory.form.optional')}</span>}
              </label>
              <select
                id={selectId}
                className={`select${index < 0 ? ' is-unmapped' : ''}`}
                value={index < 0 ? '' : String(index)}
                aria-describedby={`${selectId}-sample`}
                onChange={(event) => {
                  const chosen = event.target.value === '' ? null : (preview.headers[Number(event.target.value)] ?? null);
                  onChange({ ...preview.mapping, [field]: chosen });
                }}
              >
                <option value="">{t('directory.import.mapping.none')}</option>
                {preview.headers.map((name, column) => (
                  <option key={column} value={String(column)}>
                    {name.trim() || t('directory.import.mapping.unnamed', { number: column + 1 })}
                  </option>
                ))}
              </select>
              <p id={`${selectId}-sample`} className="field-hint import-sample">
                {index < 0 ? t('directory.import.mapping.notImported') : sample ? t('directory.import.mapping.sample', { value: sample }) : t('directory.import.mapping.sampleEmpty')}
              </p>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
