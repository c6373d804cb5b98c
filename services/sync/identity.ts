// This device's sync identity. The id lives in the settings file, outside the database, and the
// database remembers which id it was exported under: a database restored from a backup, or copied
// with its data folder to another computer, is noticed (here, or by its folder in the shared
// folder being ahead of it, see exportOps.ts) and continues under a new id, so that no two
// devices ever write into the same folder.
import { randomBytes } from 'node:crypto';
import type { ServiceContext } from '../context';

export const mintDeviceId = (): string => randomBytes(8).toString('hex');

export interface DeviceIdentity {
  deviceId: string;
  /** Why a new id was minted, when one was. */
  minted: 'first' | 'database_changed' | null;
}

async function recordedId(context: ServiceContext): Promise<string | null> {
  const row: { device_id: string | null } | undefined = await context.db('sync_state').where({ id: 1 }).first('device_id');
  return row?.device_id ?? null;
}

/** Sets this device's id in the settings and the database. */
export async function adoptDeviceId(context: ServiceContext, deviceId: string): Promise<void> {
  await context.db('sync_state').where({ id: 1 }).update({ device_id: deviceId });
  context.settings.update({ deviceId });
}

/**
 * The id to export under: the settings' and the database's when they agree; the database's when
 * the settings were reset; a new one when the database is new or came from another device.
 */
export async function ensureDeviceIdentity(context: ServiceContext): Promise<DeviceIdentity> {
  const settingsId = context.settings.get().deviceId;
  const databaseId = await recordedId(context);
  if (settingsId && settingsId === databaseId) return { deviceId: settingsId, minted: null };
  if (!settingsId && databaseId) {
    context.settings.update({ deviceId: databaseId });
    return { deviceId: databaseId, minted: null };
  }
  const deviceId = mintDeviceId();
  await adoptDeviceId(context, deviceId);
  return { deviceId, minted: settingsId ? 'database_changed' : 'first' };
}
