import { lineIcon } from '../../../components/icons';

/** A tray: where the packages arrive (decorative). */
export function InboxIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" {...lineIcon}>
      <path d="M3.5 13.5 6 5.5A1.5 1.5 0 0 1 7.4 4.5h9.2A1.5 1.5 0 0 1 18 5.5l2.5 8" />
      <path d="M3.5 13.5V18a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5v-4.5h-5a3.5 3.5 0 0 1-7 0z" />
    </svg>
  );
}

/** Two arrows in a circle: read again. */
export function RefreshIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M16.25 10a6.25 6.25 0 1 1-1.83-4.42M16.25 3.75v3.5h-3.5" />
    </svg>
  );
}

/** An open folder: a package received otherwise. */
export function OpenFolderIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M2.75 15.25V5A1.25 1.25 0 0 1 4 3.75h3.5l1.75 2h6.75A1.25 1.25 0 0 1 17.25 7v1.25" />
      <path d="M2.75 15.25 5 9.25h12.75l-2.25 6z" />
    </svg>
  );
}
