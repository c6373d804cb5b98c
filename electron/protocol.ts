import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';

// Sent as a header with every response of the app:// protocol, so no page of ours can load code
// or send data anywhere else. React inline styles need 'unsafe-inline' for styles only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

// standard: relative URLs and a real origin; secure: treated like https; supportFetchAPI: the
// renderer's fetch() reaches the handler. corsEnabled stays unset, so no other origin may read app://.
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

// A `.` or `..` segment, literal or percent-encoded. The URL parser silently folds these away, so
// the raw text is checked first: a request that tries them is refused, not reinterpreted.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/**
 * The file inside `root` that an app:// URL names, or null when the URL is on another origin or
 * would leave the root (dot segments, encoded separators, backslashes, drive letters, NUL).
 * The origin itself (`app://carnet/`) is the app's index.html.
 */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  const withoutQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (withoutQuery.includes('\\') || DOT_SEGMENT.test(withoutQuery)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return null;
  }
  const encoded = url.pathname === '' || url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of encoded) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, ...segments);
  const relative = path.relative(absoluteRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export type ReadAppFile = (file: string) => Promise<Uint8Array>;

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Serves the built renderer from `root`; nothing outside it, and every response carries the CSP. */
export function createAppRequestHandler(root: string, read: ReadAppFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Méthode non autorisée');
    const file = resolveAppPath(request.url, root);
    if (!file) return textResponse(404, 'Introuvable');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return textResponse(404, 'Introuvable');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

export interface ProtocolRegistry {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(protocol: Pick<ProtocolRegistry, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After ready: serves app:// from the built renderer folder. */
export function serveAppProtocol(protocol: Pick<ProtocolRegistry, 'handle'>, root: string, read?: ReadAppFile): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root, read));
}
