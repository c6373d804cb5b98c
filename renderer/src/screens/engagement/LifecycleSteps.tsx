import type { EngagementStatus } from '../../../../core/domain';
import { useI18n } from '../../i18n';
import { lifecyclePath } from './lifecycleActions';

/** Where the engagement stands on its lifecycle: past steps done, the current one marked. */
export function LifecycleSteps({ status }: { status: EngagementStatus }) {
  const { t } = useI18n();
  const path = lifecyclePath(status);
  const current = path.indexOf(status);
  return (
    <ol className="lifecycle-steps" aria-label={t('programme.lifecycle.steps')}>
      {path.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li key={step} className={`lifecycle-step lifecycle-step--${state} lifecycle-step--${step}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="lifecycle-step-dot" aria-hidden="true" />
            <span className="lifecycle-step-label">{t(`status.${step}`)}</span>
            {state !== 'current' && <span className="visually-hidden">{t(state === 'done' ? 'programme.lifecycle.step.done' : 'programme.lifecycle.step.upcoming')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
