import type { SyncProblem } from '../../../../core/syncReport';
import { useI18n } from '../../i18n';
import { SeverityIcon, SyncToneIcon } from '../../sync/syncIcons';
import { bySeverity } from '../../sync/syncText';

/** « Fichier : sync/v1/… », the path in a monospace font. */
function ProblemFile({ file }: { file: string }) {
  const { t } = useI18n();
  const [before, after = ''] = t('syncUi.problems.file', { file: '\u0000' }).split('\u0000');
  return (
    <p className="sync-problem-file">
      {before}
      <span className="mono">{file}</span>
      {after}
    </p>
  );
}

/** « Problèmes »: what the last sync found wrong, each in plain words, with its file. */
export function ProblemsCard({ problems }: { problems: readonly SyncProblem[] }) {
  const { t, number } = useI18n();
  return (
    <section className="card sync-card sync-problems" aria-labelledby="sync-problems-title">
      <header className="card-header">
        <h2 id="sync-problems-title" tabIndex={-1} className="card-title">
          {t('syncUi.problems.title')}
        </h2>
        {problems.length > 0 && <span className="card-count">{number(problems.length)}</span>}
      </header>
      {problems.length === 0 ? (
        <p className="sync-empty-line">
          <SyncToneIcon tone="ok" />
          {t('syncUi.problems.empty')}
        </p>
      ) : (
        <ul className="sync-problem-list" aria-labelledby="sync-problems-title">
          {bySeverity(problems).map((problem, index) => (
            <li key={`${problem.kind}:${problem.file ?? ''}:${index}`} className={`sync-problem sync-problem--${problem.severity}`}>
              <SeverityIcon severity={problem.severity} />
              <div className="sync-problem-body">
                <p className="sync-problem-message">
                  <span className="sync-problem-severity">{t(`syncUi.problems.severity.${problem.severity}`)}</span>
                  {problem.message}
                </p>
                {problem.file && <ProblemFile file={problem.file} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
