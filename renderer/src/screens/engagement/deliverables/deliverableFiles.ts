// The browser side of attaching a deliverable: reading a file for the contract (base64) and the
// guesses that prefill its form. Pure functions, no React.
import type { DeliverableKind } from '../../../../../core/domain';

// A multiple of 3 bytes: each slice then encodes to base64 with no padding in the middle, so the
// slices' encodings simply follow one another.
const SLICE_BYTES = 3 * 0x4000;

/** Bytes → base64, slice by slice (no call with millions of arguments, no quadratic string growth). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(offset, offset + SLICE_BYTES))));
  }
  return parts.join('');
}

/** Base64 → bytes, for a document handed back by the application. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** `plan-action_v2.pdf` → « Plan action v2 »: a title to start from, which the user can change. */
export function titleFromFileName(fileName: string): string {
  const stem = (fileName.replace(/\.[^.]+$/, '') || fileName).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return stem ? stem[0]!.toLocaleUpperCase('fr') + stem.slice(1) : fileName;
}

/** The kind a file name suggests (« diagnostic-… », « plan-action-… », « rapport-final-… »). */
export function kindFromFileName(fileName: string): DeliverableKind {
  const name = fileName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/diag/.test(name)) return 'diagnostic';
  if (/plan|action/.test(name)) return 'plan_action';
  if (/rapport|final|report/.test(name)) return 'rapport_final';
  return 'autre';
}
