import { useRef, useState } from 'react';
import type { Settings } from '../../../../core/contract';
import type { ReviewFolder } from '../../../../core/review';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';
import { errorMessage } from '../../api/errorMessage';
import { useI18n } from '../../i18n';
import { AddReviewFolderForm } from './AddReviewFolderForm';
import { ReviewFolderItem } from './ReviewFolderItem';
import { addReviewFolder, refusalPlace, refusedFolderIndex, removeReviewFolder, renameReviewFolder, samePlace, type FolderPlace } from './reviewFolders';

export interface FolderOutcome {
  ok: boolean;
  /** The refusal, when it is about this place. */
  problem: string | null;
}

/**
 * The Région's watched exchange folders, one per firm: each change (add, rename, remove) saves
 * the whole list through `settings.update`, whose refusal — a folder that does not exist, one
 * watched twice — is shown beside the folder it names.
 */
export function ReviewFoldersSetting({ initial, onSaved }: { initial: readonly ReviewFolder[]; onSaved: (settings: Settings) => void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [folders, setFolders] = useState<readonly ReviewFolder[]>(initial);
  const [rowProblems, setRowProblems] = useState<ReadonlyMap<number, string>>(new Map());
  const [removed, setRemoved] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const info = useApiQuery('app.info', (client) => client.call('app.info', {}));
  const canChooseFolder = info.state.status === 'success' && info.state.data.canChooseFolder;

  /** Saves `next`; a refusal about another watched folder goes beside that one. */
  async function save(next: ReviewFolder[], from: FolderPlace): Promise<FolderOutcome> {
    try {
      const settings = await api.call('settings.update', { reviewFolders: next });
      setFolders(settings.reviewFolders);
      setRowProblems(new Map());
      onSaved(settings);
      const gone = from.at === 'row' && next.length < folders.length ? folders[from.index] : undefined;
      setRemoved(gone ? gone.path : null);
      // The removed folder's controls are gone: go on with the next folder, or the form to add one.
      if (from.at === 'row' && gone) {
        requestAnimationFrame(() => {
          const root = rootRef.current;
          (root?.querySelectorAll<HTMLInputElement>('.review-folder input')[from.index] ?? root?.querySelector<HTMLInputElement>('.review-folder-add input'))?.focus();
        });
      }
      return { ok: true, problem: null };
    } catch (error) {
      const message = errorMessage(error, locale);
      const place = refusalPlace(refusedFolderIndex(error), from, next.length, folders.length);
      if (samePlace(place, from)) return { ok: false, problem: message };
      // About another watched folder (one that has since disappeared…): said beside it.
      setRowProblems(new Map(place.at === 'row' ? [[place.index, message]] : []));
      return { ok: false, problem: t('reviewUi.folders.otherRefused') };
    }
  }

  return (
    <div className="review-folders" ref={rootRef}>
      <p className="visually-hidden" role="status">
        {removed ? t('reviewUi.folders.removed', { path: removed }) : ''}
      </p>
      {folders.length === 0 ? (
        <p className="review-folders-empty">{t('reviewUi.folders.none')}</p>
      ) : (
        <ul className="review-folders-list" aria-label={t('reviewUi.folders.list')}>
          {folders.map((folder, index) => (
            <ReviewFolderItem
              key={folder.path}
              folder={folder}
              problem={rowProblems.get(index) ?? null}
              onRename={(firm) => save(renameReviewFolder(folders, index, firm), { at: 'row', index })}
              onRemove={() => save(removeReviewFolder(folders, index), { at: 'row', index })}
            />
          ))}
        </ul>
      )}
      <AddReviewFolderForm canChooseFolder={canChooseFolder} onAdd={(folder) => save(addReviewFolder(folders, folder), { at: 'add' })} />
    </div>
  );
}
