// Icons of the Région's programme view, inline like components/icons.tsx; all decorative
// (aria-hidden): the text beside them carries the meaning.
import { lineIcon } from '../../components/icons';

/** A closing package (a box), large, for the empty state. */
export function PackagesIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" {...lineIcon}>
      <path d="M3.75 7.75 12 3.5l8.25 4.25v8.5L12 20.5l-8.25-4.25z" />
      <path d="M3.75 7.75 12 12l8.25-4.25M12 12v8.5" />
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
