export interface FieldFeedback {
  text: string;
  severity: 'error' | 'warning';
}

/**
 * The message beside a field: red for an error, amber for a warning, each with its own icon
 * shape so that color is never the only cue. The text itself says what is wrong.
 */
export function FieldMessage({ id, feedback }: { id: string; feedback: FieldFeedback }) {
  return (
    <p id={id} className={`field-message field-message--${feedback.severity}`}>
      <svg className="field-message-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        {feedback.severity === 'error' ? (
          <>
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M8 4.5v4M8 11v.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
          </>
        ) : (
          <>
            <path d="M8 1.5 15 14H1z" fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            <path d="M8 6v3.5M8 11.6v.2" stroke="#fff" strokeWidth="1.5" strokeLinecap="round" />
          </>
        )}
      </svg>
      <span>{feedback.text}</span>
    </p>
  );
}
