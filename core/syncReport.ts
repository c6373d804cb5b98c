// What a sync did and what it found wrong, as the status line, the problems list and
// `carnet sync` show it. Zod-free: the renderer imports it.

export const SYNC_PROBLEM_KINDS = [
  /** No shared folder is chosen yet: nothing ran. */
  'folder_unset',
  /** The shared folder cannot be reached: nothing ran. */
  'folder_unreachable',
  /** This device's own folder was missing or behind: rewritten from the database. */
  'folder_rewritten',
  /** The database was restored or copied: this device continues under a new id. */
  'cloned',
  /** A segment between two others has not arrived: that device waits at the gap. */
  'segment_missing',
  /** A segment without its end line, or whose end line does not match: still arriving, or damaged. */
  'segment_incomplete',
  /** A line of a complete segment that is not a valid operation: set aside, the rest applied. */
  'line_invalid',
  /** One of this device's own changes does not fit the exchange format: sent, but others will set it aside. */
  'op_unsendable',
  /** A cloud client's copy of a segment or manifest: never read, to be deleted by hand. */
  'conflicted_copy',
  /** A file that has nothing to do in a sync folder. */
  'unknown_file',
  /** Operations stamped far in the future by a device's clock: they wait. */
  'clock_ahead',
  /** This device's clock ran far ahead once: the others hold its changes back until time catches up. */
  'own_clock_ahead',
  /** A file could not be written or renamed (held open by another program): retried next time. */
  'write_failed',
  /** A device's manifest.json cannot be read. */
  'manifest_invalid',
  /** Rows whose creation or parent has not arrived, or that clash with another row. */
  'rows_pending',
  /** Operations for tables or columns of a newer Carnet: kept until this one is updated. */
  'newer_schema',
  /** Reading other devices' operations or files failed (a disk, a lock): retried next time. */
  'import_failed',
  /** A deliverable's file has not arrived yet (its row has). */
  'file_missing',
] as const;
export type SyncProblemKind = (typeof SYNC_PROBLEM_KINDS)[number];

export interface SyncProblem {
  kind: SyncProblemKind;
  severity: 'error' | 'warning' | 'info';
  /** The device the problem is about, when it is about one. */
  deviceId?: string;
  /** The file, relative to the shared folder. */
  file?: string;
  message: string;
}

export interface SyncReport {
  /** False when the sync could not run at all (no shared folder). */
  ran: boolean;
  deviceId: string | null;
  startedAt: string;
  finishedAt: string;
  exported: { ops: number; segments: number };
  imported: { devices: number; segments: number; ops: number; changedCells: number };
  /** Conflicts found by this sync (all unresolved ones are in the « Conflits » view). */
  newConflicts: number;
  /** Rows waiting for their parent or creation. */
  pendingRows: number;
  problems: SyncProblem[];
}
