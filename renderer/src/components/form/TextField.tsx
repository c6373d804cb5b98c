import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { FieldMessage, type FieldFeedback } from './FieldMessage';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'children'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** An error (red, aria-invalid) or a warning (amber, does not block), shown beside the input. */
  feedback?: FieldFeedback | null;
  hint?: string;
  /** Marks the field as optional next to its label. */
  optionalLabel?: string;
  /** A unit shown inside the input's right edge (« € »). */
  suffix?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A labelled input whose message (or, without one, its hint) is tied to it by aria-describedby,
 * so a screen reader reads the error when the input gets focus; aria-invalid is set for errors
 * only (a warning is advice, not an invalid value).
 */
export function TextField({ label, value, onValueChange, feedback, hint, optionalLabel, suffix, inputRef, id, className, ...input }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const messageId = `${inputId}-message`;
  // The message takes the hint's place (the messages restate what the hint says), so that the
  // description read with the input is exactly the message.
  const describedBy = feedback ? messageId : hint ? hintId : undefined;
  const severity = feedback?.severity;

  return (
    <div className={`field${severity ? ` field--${severity}` : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={inputId}>
        {label}
        {optionalLabel && <span className="field-optional"> {optionalLabel}</span>}
      </label>
      <div className={`field-control${suffix ? ' field-control--suffix' : ''}`}>
        <input
          {...input}
          ref={inputRef}
          id={inputId}
          className="input"
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={severity === 'error' ? true : undefined}
          aria-describedby={describedBy}
        />
        {suffix && (
          <span className="field-suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </div>
      {feedback && <FieldMessage id={messageId} feedback={feedback} />}
      {hint && !feedback && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
