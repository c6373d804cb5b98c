import type { SortingState } from '@tanstack/react-table';
import type { EngagementStatus } from '../../../../core/domain';

/** What the user chose on the list; kept by the App so that it survives opening an engagement. */
export interface ListFilters {
  search: string;
  status: EngagementStatus | '';
  wave: string;
  sorting: SortingState;
}

export const INITIAL_LIST_FILTERS: ListFilters = {
  search: '',
  status: '',
  wave: '',
  sorting: [{ id: 'ref', desc: false }],
};

/** Mutable memory of the list, written from event handlers only (no re-render needed). */
export interface ListMemory {
  scrollTop: number;
  lastOpenedId: string | null;
}
