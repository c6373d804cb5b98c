import { useCallback, useRef, useState } from 'react';
import type { DecisionCheck } from '../../../../../core/review';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';
import { useSyncState } from '../../../sync/SyncStatusProvider';
import { useInstantFormat } from './useInstantFormat';

export interface CheckOutcome {
  tone: 'ok' | 'info' | 'warning' | 'error';
  lines: string[];
  /** No exchange folder is set: the outcome offers the way to the settings. */
  noFolder: boolean;
}

/** What a check found for this engagement, in words; null when it found nothing for it. */
export function describeCheck(
  result: DecisionCheck,
  engagementId: string,
  words: { time: string; t: ReturnType<typeof useI18n>['t'] },
): CheckOutcome | null {
  const { t, time } = words;
  const applied = result.applied.filter((decision) => decision.engagementId === engagementId);
  const ignored = result.ignored.filter((decision) => decision.engagementId === engagementId);
  const others = result.applied.length + result.ignored.length - applied.length - ignored.length;
  const lines = [
    ...applied.map((decision) => t('firmReview.check.applied', { time, version: decision.version, decision: decision.decision ? t(`firmReview.kind.${decision.decision}`) : '—' })),
    ...ignored.map((decision) => t('firmReview.check.ignored', { time, version: decision.version })),
  ];
  if (lines.length === 0) return null;
  if (others > 0) lines.push(t(others === 1 ? 'firmReview.check.others.one' : 'firmReview.check.others.many', { count: others }));
  return { tone: ignored.length > 0 ? 'warning' : 'ok', lines, noFolder: false };
}

/**
 * « Vérifier les décisions »: syncs and reads the exchange folder now (reviews.check), then has
 * the page reloaded and the sync status line read again (it would otherwise show the state before
 * that sync until its next poll); says what was applied or ignored for this engagement, or that
 * nothing new came.
 */
export function useDecisionCheck(engagementId: string, onChanged: () => void, ignoredShown: boolean) {
  const api = useApi();
  const { t, locale } = useI18n();
  const instant = useInstantFormat();
  const { refreshStatus } = useSyncState();
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const running = useRef(false);

  const check = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setChecking(true);
    setOutcome(null);
    try {
      const result = await api.call('reviews.check', {});
      const time = instant.time(new Date().toISOString());
      let next = describeCheck(result, engagementId, { t, time });
      if (!next) {
        const others = result.applied.length + result.ignored.length;
        const settings = others === 0 ? await api.call('settings.get', {}) : null;
        next =
          settings && !settings.exchangeFolder && !settings.sharedFolder
            ? { tone: 'info', lines: [t('firmReview.check.noFolder')], noFolder: true }
            : {
                tone: 'info',
                // A file ignored before and unchanged is not read again: say so beside its warning.
                lines: [t(ignoredShown ? 'firmReview.check.none.ignored' : 'firmReview.check.none', { time }), ...(others > 0 ? [t(others === 1 ? 'firmReview.check.others.one' : 'firmReview.check.others.many', { count: others })] : [])],
                noFolder: false,
              };
      }
      setOutcome(next);
      onChanged();
    } catch (error) {
      setOutcome({ tone: 'error', lines: [t('firmReview.check.failed', { message: errorMessage(error, locale) })], noFolder: false });
    } finally {
      running.current = false;
      setChecking(false);
      refreshStatus();
    }
  }, [api, engagementId, ignoredShown, instant, locale, onChanged, refreshStatus, t]);

  return { check, checking, outcome };
}
