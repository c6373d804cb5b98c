import { useI18n } from '../../../i18n';

const STEPS = ['file', 'preview', 'done'] as const;
type Step = (typeof STEPS)[number];

/** Where the user is in the wizard: 1 Fichier · 2 Vérification · 3 Résultat. */
export function ImportSteps({ current }: { current: Step }) {
  const { t } = useI18n();
  const currentIndex = STEPS.indexOf(current);
  return (
    <ol className="wizard-steps" aria-label={t('directory.import.steps')}>
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={`wizard-step${index === currentIndex ? ' is-current' : ''}${index < currentIndex ? ' is-done' : ''}`}
          aria-current={index === currentIndex ? 'step' : undefined}
        >
          <span className="wizard-step-number" aria-hidden="true">
            {index < currentIndex ? '✓' : index + 1}
          </span>
          <span className="wizard-step-label">{t(`directory.import.step.${step}`)}</span>
        </li>
      ))}
    </ol>
  );
}
