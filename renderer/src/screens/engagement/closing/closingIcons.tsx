// Icons of the closing screens, inline like components/icons.tsx; all decorative (aria-hidden):
// the text beside them carries the meaning.
import { lineIcon } from '../../../components/icons';
import { StateIcon } from '../../../components/StateIcon';

export function FolderIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" {...lineIcon}>
      <path d="M2.75 5.5A1.75 1.75 0 0 1 4.5 3.75h3.2l1.8 2h6A1.75 1.75 0 0 1 17.25 7.5v7A1.75 1.75 0 0 1 15.5 16.25h-11A1.75 1.75 0 0 1 2.75 14.5z" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M10 3.5v9m-3.75-3.75L10 12.5l3.75-3.75M4 15.75h12" />
    </svg>
  );
}

export function ChevronDownIcon() {
  return (
    <svg className="icon menu-chevron" viewBox="0 0 20 20" width="14" height="14" {...lineIcon}>
      <path d="m5.5 8 4.5 4.5L14.5 8" />
    </svg>
  );
}

export function PackageIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M3.25 6.5 10 3l6.75 3.5v7L10 17l-6.75-3.5z" />
      <path d="M3.25 6.5 10 10l6.75-3.5M10 10v7" />
    </svg>
  );
}

/** ✓ done, ⚠ to look at (does not block), ✗ to fix. */
export function CheckStateIcon({ state }: { state: 'ok' | 'warning' | 'error' }) {
  return <StateIcon state={state} className="check-icon" size={20} />;
}
