import http from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../core/transport';
import { openApplication, type Application } from '../../services/application';
import { dumpSharedData } from '../../services/dump';
import { resolveStaticPath } from '../../services/web-host/staticFiles';
import { startWebHost, type WebHost } from '../../services/web-host/server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// node:http rather than fetch: fetch forbids setting Host, which these tests must forge.
function request(host: WebHost, options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  let app: Application;
  let host: WebHost;
  let rendererDir: string;
  const api = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...extra });

  beforeAll(async () => {
    rendererDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-renderer-'));
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Carnet</title>');
    app = await openApplication({ dataDir: null });
    await app.dispatch('demo.load', {});
    host = await startWebHost({ dispatch: app.dispatch, rendererDir, maxBodyBytes: 10_000 });
  });
  afterAll(async () => {
    await host.close();
    await app.close();
  });

  it('prints a 127.0.0.1 URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers a call with the right token', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: api(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { counts: { engagements: 20 } } });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a call without a token with 401, before looking at anything else', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: { 'content-type': 'application/json', host: 'evil.example' }, body: '{bad' });
    expect(reply.status).toBe(401);
  });

  it('refuses a wrong token with 401', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: api({ [TOKEN_HEADER]: host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }), body: '{}' });
    expect(reply.status).toBe(401);
    const shorter = await request(host, { path: '/api/app.info', headers: api({ [TOKEN_HEADER]: 'x' }), body: '{}' });
    expect(shorter.status).toBe(401);
  });

  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: api({ host: `rebind.example:${host.port}` }), body: '{}' });
    expect(reply.status).toBe(403);
    const page = await request(host, { path: '/', method: 'GET', headers: { host: 'rebind.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin with 403', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: api({ origin: 'https://evil.example' }), body: '{}' });
    expect(reply.status).toBe(403);
    const sameOrigin = await request(host, { path: '/api/app.info', headers: api({ origin: `http://127.0.0.1:${host.port}` }), body: '{}' });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses an oversized body with 413 and changes nothing', async () => {
    const before = await dumpSharedData(app.context.db);
    const reply = await request(host, { path: '/api/demo.load', headers: api(), body: JSON.stringify({ force: true, padding: 'x'.repeat(20_000) }) });
    expect(reply.status).toBe(413);
    expect(await dumpSharedData(app.context.db)).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const reply = await request(host, { path: '/api/app.info', headers: api(), body: '{"unterminated' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/JSON/);
  });

  it('refuses other verbs and content types', async () => {
    expect((await request(host, { path: '/api/app.info', method: 'GET', headers: api() })).status).toBe(405);
    expect((await request(host, { path: '/api/app.info', headers: api({ 'content-type': 'text/plain' }), body: '{}' })).status).toBe(415);
  });

  it('returns contract errors as data, in French', async () => {
    const reply = await request(host, { path: '/api/engagements.get', headers: api(), body: '{"id": 12}' });
    const outcome = JSON.parse(reply.body);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ code: 'invalid_input', field: 'id' });
    expect(outcome.error.message).toContain('engagements.get');
  });

  it('serves the renderer with a Content-Security-Policy and never outside its folder', async () => {
    const page = await request(host, { path: '/', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Carnet</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    for (const attempt of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%00index.html']) {
      expect(resolveStaticPath(rendererDir, attempt)).toBeNull();
    }
    expect((await request(host, { path: '/%2e%2e/%2e%2e/etc/passwd', method: 'GET' })).status).toBe(404);
  });
});
