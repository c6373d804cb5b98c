// The browser side of the CSV import: reading the chosen file for the contract (base64), and
// handing a CSV back to the user as a download.
import { downloadBlob } from '../../../lib/download';

/** The contract takes up to 8 MiB of base64, that is 6 MiB of file. */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

export interface LoadedFile {
  fileName: string;
  bytes: number;
  contentBase64: string;
}

export function looksLikeCsv(fileName: string): boolean {
  return /\.(csv|txt)$/i.test(fileName);
}

/** The file's bytes as base64, undecoded: the service detects the encoding (UTF-8 or Windows-1252). */
export async function readAsBase64(file: File): Promise<LoadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: spreading millions of bytes into one call would overflow the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return { fileName: file.name, bytes: bytes.length, contentBase64: btoa(binary) };
}

/** `entreprises.csv` → `entreprises`. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

/**
 * Saves a CSV through a temporary link. The text keeps (or gets) its byte order mark, so that
 * Excel opens it as UTF-8.
 */
export function downloadCsv(text: string, fileName: string): void {
  downloadBlob(text.startsWith('\ufeff') ? text : `\ufeff${text}`, fileName, 'text/csv;charset=utf-8');
}
