// Icons of the Région's decisions on the firm's side; decorative (aria-hidden): the text beside
// them carries the meaning.
import { lineIcon } from '../../../components/icons';

/** A speech bubble: a comment of the Région (information, not an error). */
export function CommentIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M4.5 3.75h11a1.75 1.75 0 0 1 1.75 1.75v7a1.75 1.75 0 0 1-1.75 1.75H9.5l-3.75 2.75v-2.75H4.5a1.75 1.75 0 0 1-1.75-1.75v-7A1.75 1.75 0 0 1 4.5 3.75z" />
      <path d="M6.5 7.5h7M6.5 10.25h4.5" />
    </svg>
  );
}

/** A page with a pencil: the Région asks for changes. */
export function ChangesIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" {...lineIcon}>
      <path d="M9.25 16.25H5.5a1.75 1.75 0 0 1-1.75-1.75v-9A1.75 1.75 0 0 1 5.5 3.75h7a1.75 1.75 0 0 1 1.75 1.75v2.5" />
      <path d="M6.75 7.25h4.5M6.75 10h2.5" />
      <path d="m11.5 16.5.4-2.1 4.35-4.35a1.2 1.2 0 0 1 1.7 1.7L13.6 16.1z" />
    </svg>
  );
}

/** A seal with a check: the Région approved. */
export function ApprovedIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" {...lineIcon}>
      <circle cx="10" cy="10" r="7.25" />
      <path d="m6.9 10.2 2.1 2.1 4.2-4.4" />
    </svg>
  );
}

/** A triangle with a mark: a decision file was read and ignored. */
export function IgnoredIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" {...lineIcon}>
      <path d="M10 3.1 17.6 16.4H2.4z" />
      <path d="M10 8v3.9M10 14.1v.1" />
    </svg>
  );
}

/** Two arcs: read the exchange folder again. */
export function CheckAgainIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M15.9 8.25A6.1 6.1 0 0 0 4.6 6.4M4.1 11.75a6.1 6.1 0 0 0 11.3 1.85" />
      <path d="M4.4 3.6v2.95h2.95M15.6 16.4v-2.95h-2.95" />
    </svg>
  );
}
