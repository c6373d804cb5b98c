// Icons of the sync status line and screen, inline like components/icons.tsx; all decorative
// (aria-hidden): the text beside them carries the meaning.
import { lineIcon } from '../components/icons';
import { StateIcon } from '../components/StateIcon';

/** Two arrows chasing each other: « Synchroniser ». */
export function SyncIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M15.9 8.2A6.1 6.1 0 0 0 4.7 6.4M4.1 11.8a6.1 6.1 0 0 0 11.2 1.8" />
      <path d="M4.4 3.4v3.3h3.3M15.6 16.6v-3.3h-3.3" />
    </svg>
  );
}

/** A folder with a slash: no shared folder. */
export function NoFolderIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M2.75 5.5A1.75 1.75 0 0 1 4.5 3.75h3.2l1.8 2h6A1.75 1.75 0 0 1 17.25 7.5v7A1.75 1.75 0 0 1 15.5 16.25h-11A1.75 1.75 0 0 1 2.75 14.5z" />
      <path d="m3.5 17 13-13" />
    </svg>
  );
}

export type SyncTone = 'ok' | 'info' | 'warning' | 'error' | 'off';

/** ✓ in sync, ⚠ something to look at, ✗ could not sync, ○ not set up. */
export function SyncToneIcon({ tone }: { tone: SyncTone }) {
  return <StateIcon state={tone === 'info' ? 'ok' : tone} className="sync-tone-icon" />;
}

/** A problem's severity: ✗ error, ⚠ warning, i information. */
export function SeverityIcon({ severity }: { severity: 'error' | 'warning' | 'info' }) {
  if (severity !== 'info') return <SyncToneIcon tone={severity} />;
  return (
    <svg className="sync-tone-icon sync-tone-icon--note" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8.5" fill="currentColor" />
      <path d="M10 9.2v4.8M10 6.3v.1" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
    </svg>
  );
}
