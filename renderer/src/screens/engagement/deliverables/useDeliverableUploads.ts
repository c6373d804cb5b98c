import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MAX_DELIVERABLE_BYTES } from '../../../../../core/exchange';
import type { Deliverable, DeliverableKind } from '../../../../../core/domain';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';
import { kindFromFileName, readFileAsBase64, titleFromFileName } from './deliverableFiles';

/** Where one file stands: chosen, waiting its turn, being read, being sent, or stopped. */
export type UploadStep = 'ready' | 'queued' | 'reading' | 'sending' | 'failed' | 'tooLarge';

export interface Upload {
  key: string;
  file: File;
  kind: DeliverableKind;
  title: string;
  step: UploadStep;
  /** The application's refusal, in the user's language (step `failed`). */
  message: string | null;
  /** Sending was asked for while the title was empty. */
  titleMissing: boolean;
}

let nextKey = 0;

/**
 * The files chosen for an engagement, each with its kind and title, sent one at a time (a 20 MiB
 * file is ~27 MiB of base64: never several in memory at once). A file over the limit is refused
 * here and never sent; a failed one stays in the list, to be sent again.
 */
export function useDeliverableUploads(engagementId: string, onAttached: (deliverable: Deliverable) => void) {
  const api = useApi();
  const { locale } = useI18n();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [sending, setSending] = useState(false);
  // What sendAll reads between two awaits: the list as last rendered.
  const latest = useRef(uploads);
  useLayoutEffect(() => {
    latest.current = uploads;
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = (key: string, patch: Partial<Upload>) => {
    if (mounted.current) setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));
  };

  function add(files: Iterable<File>) {
    const added = [...files].map<Upload>((file) => ({
      key: `upload-${++nextKey}`,
      file,
      kind: kindFromFileName(file.name),
      title: titleFromFileName(file.name).slice(0, 300),
      step: file.size > MAX_DELIVERABLE_BYTES ? 'tooLarge' : 'ready',
      message: null,
      titleMissing: false,
    }));
    setUploads((current) => [...current, ...added]);
  }

  function change(key: string, patch: Partial<Pick<Upload, 'kind' | 'title'>>) {
    update(key, { ...patch, ...(patch.title !== undefined ? { titleMissing: false } : {}) });
  }

  function discard(key: string) {
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }

  /** Sends every file that can go, in order; returns how many were attached. */
  async function sendAll(): Promise<number> {
    if (sending) return 0;
    const sendable = latest.current.filter((upload) => upload.step === 'ready' || upload.step === 'failed');
    const untitled = new Set(sendable.filter((upload) => upload.title.trim() === '').map((upload) => upload.key));
    const batch = sendable.filter((upload) => !untitled.has(upload.key));
    const queued = new Set(batch.map((upload) => upload.key));
    setUploads((current) =>
      current.map((upload) =>
        untitled.has(upload.key) ? { ...upload, titleMissing: true } : queued.has(upload.key) ? { ...upload, step: 'queued', message: null } : upload,
      ),
    );
    if (batch.length === 0) return 0;
    setSending(true);
    let attached = 0;
    for (const { key } of batch) {
      if (!mounted.current) break;
      // The kind and title as they are now: they may have changed since the button was pressed.
      const upload = latest.current.find((candidate) => candidate.key === key);
      if (!upload) continue;
      try {
        update(upload.key, { step: 'reading' });
        const contentBase64 = await readFileAsBase64(upload.file);
        update(upload.key, { step: 'sending' });
        const deliverable = await api.call('deliverables.attach', {
          engagementId,
          kind: upload.kind,
          title: upload.title.trim(),
          fileName: upload.file.name,
          contentBase64,
        });
        attached++;
        if (mounted.current) setUploads((current) => current.filter((candidate) => candidate.key !== upload.key));
        onAttached(deliverable);
      } catch (error) {
        update(upload.key, { step: 'failed', message: errorMessage(error, locale) });
      }
    }
    if (mounted.current) setSending(false);
    return attached;
  }

  return { uploads, sending, add, change, discard, sendAll, clear: () => setUploads([]) };
}
