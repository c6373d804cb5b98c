import type { syncFr } from './sync.fr';

export const syncEn: Record<keyof typeof syncFr, string> = {
  'sync.problem.folder_unreachable': 'Cannot sync: the shared folder “{folder}” is not chosen or cannot be reached (drive or share not connected?). Nothing was exchanged; your entries stay on this computer.',
  'sync.problem.folder_rewritten': 'This device’s folder in the shared folder was incomplete or empty: {segments} operation file(s) written again from the local database.',
  'sync.problem.cloned': 'This database was restored or copied from another device: this device continues under a new id ({device}) so that it never writes into another one’s folder. Nothing is lost.',
  'sync.problem.segment_missing': 'The file {file} of device {device} has not arrived yet while later ones have: that device’s operations wait for it (the sharing service may still be copying it).',
  'sync.problem.segment_incomplete': 'The file {file} of device {device} is incomplete or damaged ({reason}): nothing of it was applied; it will be read again at the next sync.',
  'sync.problem.line_invalid': 'Line {line} of {file} cannot be read ({reason}): set aside, the other operations were applied.',
  'sync.problem.conflicted_copy': '“{file}” is a conflicted copy made by the sharing service (of “{of}”): Carnet does not read it. You may delete it.',
  'sync.problem.unknown_file': '“{file}” has nothing to do in the sync folder: Carnet ignores it.',
  'sync.problem.clock_ahead': 'Device {device} dated operations {hlc}, well after this computer’s time: they wait (check that device’s clock).',
  'sync.problem.write_failed': 'Cannot write into the shared folder ({reason}): your operations wait and will be sent at the next sync.',
  'sync.problem.manifest_invalid': 'The manifest.json of device {device} cannot be read ({reason}): that device is ignored until it is written again.',
  'sync.problem.rows_pending': '{count} row(s) received wait for data they depend on (an engagement, a company…) or clash with an existing row: they are tried again at every sync.',
  'sync.problem.newer_schema': '{count} operation(s) come from a newer version of Carnet: they are kept and will be applied once this device is updated.',
};
