// Inline SVG icons: nothing is downloaded (the CSP allows no remote resource anyway).
// All are decorative (aria-hidden); the text next to them carries the meaning.

/** What every line icon shares: decorative (the text beside it carries the meaning), stroked. */
export const lineIcon = { 'aria-hidden': true, focusable: false, fill: 'none', stroke: 'currentColor', strokeWidth: 1.75, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M11 8.5h11a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5H11z" fill="#fff" opacity="0.95" />
      <path d="M8.5 8.5H11v15H8.5z" fill="#9fb8e8" />
      <path d="M14 13h6.5M14 16.5h6.5M14 20h4" stroke="var(--accent)" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function GlobeIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M2.75 10h14.5M10 2.75c2 2.1 3 4.5 3 7.25s-1 5.15-3 7.25c-2-2.1-3-4.5-3-7.25s1-5.15 3-7.25z" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <circle cx="8.75" cy="8.75" r="5.5" />
      <path d="m13 13 4 4" />
    </svg>
  );
}

export function ArrowLeftIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...lineIcon}>
      <path d="M16 10H4m5-5-5 5 5 5" />
    </svg>
  );
}

export function SortIcon({ direction }: { direction: 'asc' | 'desc' | false }) {
  return (
    <svg className={`sort-icon sort-icon--${direction || 'none'}`} viewBox="0 0 12 16" width="10" height="14" aria-hidden="true" focusable="false">
      <path className="sort-icon-up" d="M6 2 10 7H2z" fill="currentColor" />
      <path className="sort-icon-down" d="M6 14 2 9h8z" fill="currentColor" />
    </svg>
  );
}

export function AlertIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" {...lineIcon}>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6.25v4.5M10 13.6v.15" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" {...lineIcon}>
      <path d="M11.5 2.75H6A1.75 1.75 0 0 0 4.25 4.5v11A1.75 1.75 0 0 0 6 17.25h8a1.75 1.75 0 0 0 1.75-1.75V7z" />
      <path d="M11.5 2.75V7h4.25" />
    </svg>
  );
}

export function DatabaseIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" {...lineIcon}>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.75" />
      <path d="M4.5 5.5v6.5c0 1.5 3.4 2.75 7.5 2.75s7.5-1.25 7.5-2.75V5.5" />
      <path d="M4.5 12v6.5c0 1.5 3.4 2.75 7.5 2.75s7.5-1.25 7.5-2.75V12" />
    </svg>
  );
}
