import { useRef, useState } from 'react';
import type { CompanyImportMapping, CompanyImportPreview, CompanyImportResult } from '../../../../../core/domainViews';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { Dialog } from '../../../components/form/Dialog';
import { useI18n } from '../../../i18n';
import { ImportFileStep } from './ImportFileStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportResultStep } from './ImportResultStep';
import { ImportSteps } from './ImportSteps';
import { MAX_IMPORT_BYTES, looksLikeCsv, readAsBase64, type LoadedFile } from './importFile';

type WizardState =
  | { step: 'file'; analysing: boolean; error: string | null }
  | { step: 'preview'; file: LoadedFile; preview: CompanyImportPreview; busy: 'analysing' | 'importing' | null; error: string | null }
  | { step: 'done'; file: LoadedFile; result: CompanyImportResult };

interface Props {
  programmeId: string;
  onImported: (result: CompanyImportResult) => void;
  onClose: () => void;
}

/**
 * Choose a CSV file → check every row against the rules (nothing written) and adjust the column
 * mapping → import the valid rows → download the rejected ones to fix them.
 */
export function ImportWizard({ programmeId, onImported, onClose }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [state, setState] = useState<WizardState>({ step: 'file', analysing: false, error: null });
  // Only the latest analysis may land: the user can change the mapping again before one returns.
  const request = useRef(0);

  async function chooseFile(file: File) {
    if (!looksLikeCsv(file.name)) return setState({ step: 'file', analysing: false, error: t('directory.import.error.type', { name: file.name }) });
    if (file.size > MAX_IMPORT_BYTES) return setState({ step: 'file', analysing: false, error: t('directory.import.error.size', { name: file.name }) });
    const id = ++request.current;
    setState({ step: 'file', analysing: true, error: null });
    try {
      const loaded = await readAsBase64(file);
      const preview = await api.call('companies.importPreview', { fileName: loaded.fileName, contentBase64: loaded.contentBase64, programmeId });
      if (id === request.current) setState({ step: 'preview', file: loaded, preview, busy: null, error: null });
    } catch (error) {
      if (id === request.current) setState({ step: 'file', analysing: false, error: errorMessage(error, locale) });
    }
  }

  async function remap(mapping: CompanyImportMapping) {
    if (state.step !== 'preview') return;
    const { file } = state;
    const id = ++request.current;
    setState({ ...state, busy: 'analysing', error: null });
    try {
      const preview = await api.call('companies.importPreview', { fileName: file.fileName, contentBase64: file.contentBase64, mapping, programmeId });
      if (id === request.current) setState({ step: 'preview', file, preview, busy: null, error: null });
    } catch (error) {
      if (id === request.current) setState((previous) => (previous.step === 'preview' ? { ...previous, busy: null, error: errorMessage(error, locale) } : previous));
    }
  }

  async function commit() {
    if (state.step !== 'preview' || state.busy) return;
    const { file, preview } = state;
    const id = ++request.current;
    setState({ ...state, busy: 'importing', error: null });
    try {
      const result = await api.call('companies.importCommit', { fileName: file.fileName, contentBase64: file.contentBase64, mapping: preview.mapping, programmeId });
      if (id !== request.current) return;
      setState({ step: 'done', file, result });
      onImported(result);
    } catch (error) {
      if (id === request.current) setState((previous) => (previous.step === 'preview' ? { ...previous, busy: null, error: errorMessage(error, locale) } : previous));
    }
  }

  function restart() {
    request.current++;
    setState({ step: 'file', analysing: false, error: null });
  }

  const importing = state.step === 'preview' && state.busy === 'importing';
  return (
    <Dialog variant="modal" title={t('directory.import.title')} description={t('directory.import.description')} onRequestClose={() => !importing && onClose()}>
      <ImportSteps current={state.step} />
      {state.step === 'file' && <ImportFileStep analysing={state.analysing} error={state.error} onFile={chooseFile} onCancel={onClose} />}
      {state.step === 'preview' && (
        <ImportPreviewStep
          file={state.file}
          preview={state.preview}
          busy={state.busy}
          error={state.error}
          onMappingChange={remap}
          onCommit={commit}
          onRestart={restart}
          onCancel={onClose}
        />
      )}
      {state.step === 'done' && <ImportResultStep file={state.file} result={state.result} onRestart={restart} onClose={onClose} />}
    </Dialog>
  );
}
