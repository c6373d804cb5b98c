// Icons of the directory screens (companies, consultants, import); decorative, like components/icons.

const common = { 'aria-hidden': true, focusable: false, fill: 'none', stroke: 'currentColor', strokeWidth: 1.75, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function PlusIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...common} strokeWidth={1.9}>
      <path d="M10 4.5v11M4.5 10h11" />
    </svg>
  );
}

export function UploadIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...common}>
      <path d="M10 13V3.5M6.25 7.25 10 3.5l3.75 3.75M3.5 12.5v2.25A1.75 1.75 0 0 0 5.25 16.5h9.5a1.75 1.75 0 0 0 1.75-1.75V12.5" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" {...common}>
      <path d="M10 3.5V13m-3.75-3.75L10 13l3.75-3.75M3.5 12.5v2.25A1.75 1.75 0 0 0 5.25 16.5h9.5a1.75 1.75 0 0 0 1.75-1.75V12.5" />
    </svg>
  );
}

export function BuildingIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" {...common}>
      <path d="M4 20.5V6.5l8-3v17M12 8.5l8 3v9M2.5 20.5h19M7 9.5h2M7 13h2M7 16.5h2M15 13.5h2M15 17h2" />
    </svg>
  );
}

export function CheckCircleIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="32" height="32" {...common} strokeWidth={1.9}>
      <circle cx="12" cy="12" r="9.25" />
      <path d="m7.75 12.25 2.9 2.9 5.6-5.9" />
    </svg>
  );
}
