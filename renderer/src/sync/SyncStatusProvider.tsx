import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../../core/contract';
import type { SyncReport } from '../../../core/syncReport';
import { useApi } from '../api/ApiContext';
import { markDataChanged, useDataRevision } from '../api/dataRevision';
import { errorMessage } from '../api/errorMessage';
import { useI18n, type I18n } from '../i18n';
import { alertingProblems } from './syncText';

/** Every second while a sync runs (its progress), every twenty seconds otherwise. */
export const POLL_RUNNING_MS = 1_000;
export const POLL_IDLE_MS = 20_000;

export interface SyncState {
  /** The last status read, or null before the first answer. */
  status: SyncStatus | null;
  /** Why the status could not be read (the service does not answer). */
  statusError: string | null;
  /** A sync is running: asked here, or started by the automatic sync. */
  running: boolean;
  /** « Synchroniser maintenant » failed as a call (problems of a sync that ran are in its report). */
  runError: string | null;
  /** What a screen reader hears: only outcomes the user asked for, and new conflicts or problems. */
  announcement: string;
  syncNow: () => void;
  /** Reads the status again now (after resolving a conflict, saving the shared folder). */
  refreshStatus: () => void;
}

const SyncContext = createContext<SyncState | null>(null);

function reportAnnouncement(report: SyncReport, t: I18n['t'], number: I18n['number']): string {
  if (!report.ran) return report.problems.find((problem) => problem.severity === 'error')?.message ?? t('syncUi.line.failed');
  const received = report.imported.ops;
  if (received === 0) return t('syncUi.announce.done');
  return received === 1 ? t('syncUi.announce.received.one') : t('syncUi.announce.received', { count: number(received) });
}

/** What changed between two statuses that deserves a word: new conflicts, new problems. */
function newsBetween(previous: SyncStatus, next: SyncStatus, t: I18n['t'], number: I18n['number']): string[] {
  const news: string[] = [];
  const conflicts = next.unresolvedConflicts - previous.unresolvedConflicts;
  if (conflicts > 0) news.push(conflicts === 1 ? t('syncUi.announce.conflicts.one') : t('syncUi.announce.conflicts', { count: number(conflicts) }));
  const problems = alertingProblems(next.problems) - alertingProblems(previous.problems);
  if (problems > 0) news.push(problems === 1 ? t('syncUi.announce.problems.one') : t('syncUi.announce.problems', { count: number(problems) }));
  return news;
}

/**
 * Where sync stands, for the status line and the « Synchronisation » screen: `sync.status` read
 * every second while a sync runs and every twenty seconds otherwise, « Synchroniser maintenant »,
 * and the screens told to fetch their data again when other devices' changes came in.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t, locale, number } = useI18n();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  // A failed « Synchroniser maintenant », shown until a sync (any) reports again.
  const [runFailure, setRunFailure] = useState<{ message: string; lastReportAt: string | null } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pollRequest, setPollRequest] = useState(0);
  const previous = useRef<SyncStatus | null>(null);
  const askingRef = useRef(false);
  // The outcome of « Synchroniser maintenant », said together with what the next status shows.
  const asked = useRef<{ finishedAt: string; text: string } | null>(null);
  const words = useRef({ t, number, locale });
  useEffect(() => {
    words.current = { t, number, locale };
  }, [t, number, locale]);

  const refreshStatus = useCallback(() => setPollRequest((count) => count + 1), []);
  // Data changed (a sync, a conflict resolved, the language of the service's messages): read again.
  const dataRevision = useDataRevision('always');

  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    api.call('sync.status', {}).then(
      (next) => {
        if (cancelled) return;
        const before = previous.current;
        previous.current = next;
        setStatus(next);
        setStatusError(null);
        const outcome = asked.current;
        asked.current = null;
        if (before) {
          const { t: say, number: count } = words.current;
          // A sync nobody asked for here (the automatic one) brought other devices' changes.
          const report = next.lastReport;
          const unseen = report && report.finishedAt !== before.lastReport?.finishedAt && report.finishedAt !== outcome?.finishedAt;
          // So did a decision of the Région, read in the background (the mission's status moved).
          const decisionRead = next.decisionsReadAt !== before.decisionsReadAt;
          if (((unseen && report.imported.ops > 0) || decisionRead) && !askingRef.current) markDataChanged('background');
          const news = [...(outcome ? [outcome.text] : []), ...newsBetween(before, next, say, count)];
          if (news.length > 0) setAnnouncement(news.join(' '));
        } else if (outcome) setAnnouncement(outcome.text);
        timer = window.setTimeout(refreshStatus, next.running || askingRef.current ? POLL_RUNNING_MS : POLL_IDLE_MS);
      },
      (error: unknown) => {
        if (cancelled) return;
        setStatusError(errorMessage(error, words.current.locale));
        timer = window.setTimeout(refreshStatus, askingRef.current ? POLL_RUNNING_MS : POLL_IDLE_MS);
      },
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [api, pollRequest, dataRevision, refreshStatus]);

  const syncNow = useCallback(() => {
    if (askingRef.current) return;
    askingRef.current = true;
    setAsking(true);
    setRunFailure(null);
    setAnnouncement('');
    const run = api.call('sync.run', {});
    // Read the status at once: the line shows « Synchronisation… » and its progress.
    refreshStatus();
    run.then(
      (report) => {
        const { t: say, number: count } = words.current;
        asked.current = { finishedAt: report.finishedAt, text: reportAnnouncement(report, say, count) };
        // Whatever came in, the screens show the data as it is now (the user asked).
        markDataChanged('asked');
      },
      (error: unknown) => {
        const message = errorMessage(error, words.current.locale);
        setRunFailure({ message, lastReportAt: previous.current?.lastReport?.finishedAt ?? null });
        setAnnouncement(message);
      },
    ).finally(() => {
      askingRef.current = false;
      setAsking(false);
      refreshStatus();
    });
  }, [api, refreshStatus]);

  const lastReportAt = status?.lastReport?.finishedAt ?? null;
  const runError = runFailure && runFailure.lastReportAt === lastReportAt ? runFailure.message : null;
  const value = useMemo<SyncState>(
    () => ({ status, statusError, running: asking || (status?.running ?? false), runError, announcement, syncNow, refreshStatus }),
    [status, statusError, asking, runError, announcement, syncNow, refreshStatus],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSyncState(): SyncState {
  const state = useContext(SyncContext);
  if (!state) throw new Error('useSyncState must be used inside <SyncStatusProvider>');
  return state;
}
