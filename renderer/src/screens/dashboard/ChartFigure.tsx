import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

export interface DataColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface Props<Row> {
  /** What the chart shows, said in words: the accessible name of the role="img" region. */
  summary: string;
  chart: ReactNode;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: DataColumn<Row>[];
  caption: string;
  /** Shown between the chart and its data, outside the image (e.g. a legend with figures). */
  legend?: ReactNode;
  className?: string;
}

/**
 * A chart with its text alternative: the drawing is one image named by a sentence, and the data
 * it is drawn from stays one click away in a table (« Voir les données »).
 */
export function ChartFigure<Row>({ summary, chart, rows, rowKey, columns, caption, legend, className }: Props<Row>) {
  const { t } = useI18n();
  return (
    <figure className={`chart-figure${className ? ` ${className}` : ''}`}>
      <div className="chart-canvas" role="img" aria-label={summary}>
        {/* The drawing's own SVG elements would each count as an image: only the figure does. */}
        <div aria-hidden="true">{chart}</div>
      </div>
      {legend}
      <details className="chart-data">
        <summary>{t('programme.dashboard.data.show')}</summary>
        <div className="table-wrap">
          <table className="data-grid">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column, index) =>
                    index === 0 ? (
                      <th key={column.header} scope="row">
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.header} className={column.numeric ? 'num' : undefined}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
