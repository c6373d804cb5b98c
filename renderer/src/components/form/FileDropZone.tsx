import { useEffect, useId, useState, type DragEvent, type ReactNode } from 'react';

interface FileDropZoneProps {
  /** The file input's accessible name, shown as the zone's title. */
  label: string;
  /** What to do: « Déposez le fichier ici, ou… ». */
  instructions: string;
  /** The visible « button » (a label for the input) that opens the file picker. */
  browseLabel: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  children?: ReactNode;
}

/**
 * A file input and a zone to drop a file onto. The input stays in the tab order (visually
 * hidden); the whole zone is its label, so a click anywhere opens the picker.
 */
export function FileDropZone({ label, instructions, browseLabel, accept, onFile, disabled = false, children }: FileDropZoneProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);

  // A file dropped beside the zone would otherwise make the window open it in place of the app.
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  function onDragOver(event: DragEvent<HTMLLabelElement>) {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <label
      className={`dropzone${dragging ? ' is-dragging' : ''}${disabled ? ' is-disabled' : ''}`}
      htmlFor={id}
      onClick={(event) => disabled && event.preventDefault()}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <span className="dropzone-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
          <path d="M14 3v5h5M12 17v-6m-2.5 2.5L12 11l2.5 2.5" />
        </svg>
      </span>
      <span id={`${id}-label`} className="dropzone-title">
        {label}
      </span>
      <span id={`${id}-instructions`} className="dropzone-text">
        {instructions}
      </span>
      <span className="button button--secondary dropzone-browse" aria-hidden="true">
        {browseLabel}
      </span>
      {children}
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        // Not `disabled`: that would drop the keyboard focus while a file is being read.
        aria-disabled={disabled || undefined}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-instructions`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) still reads it.
          event.target.value = '';
          if (file && !disabled) onFile(file);
        }}
      />
    </label>
  );
}
