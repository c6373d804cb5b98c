import type { ReactNode } from 'react';

/** What a form says about one field: an error blocks the save, a warning does not. */
export interface FieldProblem {
  text: string;
  severity: 'error' | 'warning';
}

/** The attributes that tie a control to its label, hint and message. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  problem?: FieldProblem | null;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A label, its control, a hint and the message beside it. The message comes before the hint in
 * aria-describedby, so that a screen reader says what is wrong first.
 */
export function Field({ id, label, hint, problem, className, children }: FieldProps) {
  const describedBy = [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`edit-field${problem ? ` edit-field--${problem.severity}` : ''}${className ? ` ${className}` : ''}`}>
      <label className="edit-field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': problem?.severity === 'error' ? true : undefined })}
      {problem && <ProblemMessage id={`${id}-problem`} problem={problem} />}
      {hint && (
        <p id={`${id}-hint`} className="edit-field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Red with a round mark for an error, amber with a triangle for a warning: never color alone. */
export function ProblemMessage({ id, problem }: { id?: string; problem: FieldProblem }) {
  return (
    <p id={id} className={`edit-field-problem edit-field-problem--${problem.severity}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        {problem.severity === 'error' ? (
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
      <span>{problem.text}</span>
    </p>
  );
}
