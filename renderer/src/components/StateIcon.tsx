export type IconState = 'ok' | 'warning' | 'error' | 'off';

/**
 * ✓ done or in order, ⚠ to look at, ✗ to fix, ○ not set up: shapes, never colors alone. The
 * color comes from `className` and its `--<state>` modifier (the sync line's, the closing list's).
 */
export function StateIcon({ state, className, size = 16 }: { state: IconState; className: string; size?: number }) {
  return (
    <svg className={`${className} ${className}--${state}`} viewBox="0 0 20 20" width={size} height={size} aria-hidden="true" focusable="false">
      {state === 'ok' && (
        <>
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="m6.2 10.2 2.5 2.5 5.1-5.3" fill="none" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {state === 'warning' && (
        <>
          <path d="M10 2 18.6 17H1.4z" fill="currentColor" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
          <path d="M10 7.4v4.3M10 14.3v.1" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
        </>
      )}
      {state === 'error' && (
        <>
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="m7 7 6 6m0-6-6 6" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
        </>
      )}
      {state === 'off' && <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.9" strokeDasharray="3 2.6" />}
    </svg>
  );
}
