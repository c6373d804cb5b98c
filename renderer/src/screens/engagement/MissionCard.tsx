import type { EngagementDetail } from '../../../../core/domain';
import { Card, Definitions } from '../../components/Definitions';
import { useI18n } from '../../i18n';

export function MissionCard({ detail }: { detail: EngagementDetail }) {
  const { t, money, date, days } = useI18n();
  const { engagement, programme, wave, consultants } = detail;
  const { startedOn, completedOn } = engagement;
  const period = !startedOn
    ? t('engagement.notStarted')
    : completedOn
      ? t('engagement.period.range', { from: date(startedOn, 'medium'), to: date(completedOn, 'medium') })
      : t('engagement.period.since', { from: date(startedOn, 'medium') });

  return (
    <Card title={t('engagement.parameters')} titleId="mission-title">
      <Definitions
        items={[
          { term: t('engagement.programme'), value: programme.name },
          { term: t('engagement.wave'), value: wave.deadlineOn ? t('engagement.wave.deadline', { wave: wave.name, date: date(wave.deadlineOn, 'medium') }) : wave.name },
          { term: t('engagement.projectType'), value: t(`projectType.${engagement.projectType}`) },
          { term: t('engagement.phase'), value: t(`phase.${engagement.phase}`) },
          { term: t('engagement.allowance'), value: <span className="num">{t('engagement.days.unit', { days: days(engagement.allowanceDays * 2) })}</span> },
          { term: t('engagement.dailyRate'), value: <span className="num">{money(engagement.dailyRateCents)}</span> },
          { term: t('engagement.period'), value: period },
          {
            term: t('engagement.consultants'),
            value: (
              <ul className="people">
                {consultants.map((consultant) => (
                  <li key={consultant.id}>
                    <span className="avatar" aria-hidden="true">
                      {initials(consultant.name)}
                    </span>
                    <span className="people-name">{consultant.name}</span>
                    <span className="people-email">{consultant.email}</span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}
