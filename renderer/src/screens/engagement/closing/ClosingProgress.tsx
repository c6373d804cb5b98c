import { useId, type Ref } from 'react';
import type { ClosingJob } from '../../../../../core/contract';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';
import { CheckStateIcon } from './closingIcons';
import { PackageFolder } from './PackageFolder';
import type { ClosingRun } from './useClosingJob';

/** The bar and the step being written, fed by `closing.progress`. */
function ProgressBar({ job, done }: { job: ClosingJob | null; done: boolean }) {
  const { t, number } = useI18n();
  const labelId = useId();
  const total = Math.max(job?.stepsTotal ?? 1, 1);
  const value = done ? total : Math.min(job?.stepsDone ?? 0, total);
  const step = job?.step ?? t('closingUi.run.starting');
  const percent = Math.round((value / total) * 100);
  return (
    <div className="closing-progress">
      <div className="closing-progress-head">
        <span id={labelId} className="closing-progress-label">
          {t('closingUi.run.progress')}
        </span>
        <span className="closing-progress-count num">{t('closingUi.run.count', { done: number(value), total: number(total) })}</span>
      </div>
      <div
        className={`closing-progress-track${done ? ' is-done' : ''}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={value}
        aria-valuetext={t('closingUi.run.valuetext', { done: number(value), total: number(total), step })}
      >
        <span className="closing-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="closing-progress-step" role="status">
        {step}
      </p>
    </div>
  );
}

interface Props {
  run: Exclude<ClosingRun, { phase: 'idle' } | { phase: 'failed' }>;
  engagementRef: string;
  headingRef: Ref<HTMLHeadingElement>;
}

/** While the package is written: the bar; once written: where it is, and what happened to the mission. */
export function ClosingProgress({ run, engagementRef, headingRef }: Props) {
  const { t, locale, number } = useI18n();
  const done = run.phase === 'done';
  return (
    <section className={`closing-run${done ? ' closing-run--done' : ''}`} aria-labelledby="closing-run-title">
      <div className="closing-run-head">
        {done && <CheckStateIcon state="ok" />}
        <h3 id="closing-run-title" ref={headingRef} tabIndex={-1} className="closing-run-title">
          {done ? t('closingUi.run.done.title', { version: run.result.version }) : t('closingUi.run.title')}
        </h3>
      </div>
      {done && (
        <p className="closing-run-text">
          {t('closingUi.run.done.text', {
            ref: engagementRef,
            files: number(run.result.files),
            size: formatBytes(run.result.bytes, intlLocale(locale)),
          })}
        </p>
      )}
      <ProgressBar job={run.job} done={done} />
      {done && <PackageFolder packageId={run.result.packageId} folder={run.result.folder} />}
    </section>
  );
}
