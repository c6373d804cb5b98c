import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, TOKEN_HEADER } from '../../core/transport';
import type { Dispatch } from '../dispatcher';
import { readStaticFile } from './staticFiles';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOSTNAME = '127.0.0.1';
// A deliverable of up to 20 MiB crosses as base64 (4/3 of its size) inside the JSON body.
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

class HttpRefusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function send(response: http.ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  send(response, status, JSON.stringify({ ok: false, error: { code: 'transport', message } }), 'application/json; charset=utf-8');
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpRefusal(413, `Requête trop volumineuse (plus de ${limit} octets).`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpRefusal(413, `Requête trop volumineuse (plus de ${limit} octets).`));
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The browser host: serves the built renderer and `POST /api/<method>` on 127.0.0.1 only.
 * API calls need the per-launch token (401 first of all), and a Host or Origin other than this
 * server is refused (403), which defeats DNS rebinding; no CORS header is ever sent.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let allowedHosts: Set<string> = new Set();

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, pathname: string) {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return refuse(response, 403, 'Origine refusée.');
    }
    if (request.method !== 'POST') return refuse(response, 405, 'Méthode non autorisée : utilisez POST.');
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
      return refuse(response, 415, 'Le corps de la requête doit être du JSON (application/json).');
    }
    let input: unknown;
    try {
      const body = await readBody(request, maxBodyBytes);
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      if (error instanceof HttpRefusal) return refuse(response, error.status, error.message);
      return refuse(response, 400, 'Corps de requête illisible : JSON mal formé.');
    }
    const method = decodeURIComponent(pathname.slice(API_PREFIX.length));
    const outcome = await options.dispatch(method, input);
    send(response, 200, JSON.stringify(outcome), 'application/json; charset=utf-8');
  }

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname;
    const isApi = pathname.startsWith(API_PREFIX);
    const work = async () => {
      // The token check comes first for the API, before even looking at Host and Origin.
      if (isApi && !sameSecret(request.headers[TOKEN_HEADER], token)) return refuse(response, 401, 'Jeton d’accès absent ou invalide.');
      if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 403, 'Hôte refusé.');
      if (isApi) return handleApi(request, response, pathname);
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Méthode non autorisée.');
      const file = await readStaticFile(options.rendererDir, pathname);
      if (!file) return send(response, 404, 'Introuvable', 'text/plain; charset=utf-8');
      send(response, 200, file.body, file.contentType);
    };
    work().catch((error: unknown) => {
      console.error('[carnet web] erreur inattendue', error);
      if (!response.headersSent) refuse(response, 500, 'Erreur interne du serveur.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOSTNAME, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOSTNAME}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOSTNAME}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
