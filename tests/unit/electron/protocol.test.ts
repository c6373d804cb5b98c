import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  registerAppScheme,
  resolveAppPath,
  serveAppProtocol,
} from '../../../electron/protocol';

const root = path.resolve('/srv/carnet/renderer');

describe('resolveAppPath', () => {
  it('maps app:// URLs to files strictly inside the root', () => {
    expect(resolveAppPath('app://carnet/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://carnet/assets/index-3f2a.js', root)).toBe(path.join(root, 'assets', 'index-3f2a.js'));
    expect(resolveAppPath('app://carnet/assets/a%20b.css?v=2#x', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath('app://carnet/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://carnet', root)).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['parent segment', 'app://carnet/../secret.txt'],
    ['nested parent segment', 'app://carnet/assets/../../secret.txt'],
    ['trailing parent segment', 'app://carnet/assets/..'],
    ['encoded parent segment', 'app://carnet/%2e%2e/secret.txt'],
    ['upper-case encoded parent segment', 'app://carnet/%2E%2E/%2E%2E/etc/passwd'],
    ['half-encoded parent segment', 'app://carnet/.%2e/secret.txt'],
    ['current-directory segment', 'app://carnet/./index.html'],
    ['encoded slash around dots', 'app://carnet/assets%2f..%2f..%2fsecret.txt'],
    ['backslash', 'app://carnet/assets\\..\\secret.txt'],
    ['encoded backslash', 'app://carnet/assets%5c..%5csecret.txt'],
    ['absolute path by double slash', 'app://carnet//etc/passwd'],
    ['encoded absolute path', 'app://carnet/%2fetc%2fpasswd'],
    ['drive letter', 'app://carnet/C:/Windows/win.ini'],
    ['NUL byte', 'app://carnet/index.html%00.png'],
    ['malformed escape', 'app://carnet/%E0%A4%A'],
    ['directory', 'app://carnet/assets/'],
  ])('rejects a %s', (_label, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///srv/carnet/renderer/index.html'],
    ['https', 'https://carnet/index.html'],
    ['credentials', 'app://user:pass@carnet/index.html'],
    ['not a URL', 'index.html'],
  ])('rejects %s', (_label, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('app:// request handler', () => {
  let base: string;
  let rendererRoot: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'carnet-protocol-'));
    rendererRoot = path.join(base, 'renderer');
    await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Carnet</title>');
    await writeFile(path.join(rendererRoot, 'assets', 'main.js'), 'console.log(1)');
    // A file right next to the root: what a traversal would be after.
    await writeFile(path.join(base, 'secret.txt'), 'secret');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves files with their type, the CSP and nosniff', async () => {
    const handler = createAppRequestHandler(rendererRoot);
    const page = await handler(new Request('app://carnet/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Carnet</title>');

    const script = await handler(new Request('app://carnet/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for a traversal, a missing file or a directory, never the file outside', async () => {
    const read = vi.fn(async (file: string) => {
      const { readFile } = await import('node:fs/promises');
      return readFile(file);
    });
    const handler = createAppRequestHandler(rendererRoot, read);
    for (const url of ['app://carnet/%2e%2e/secret.txt', 'app://carnet/missing.js', 'app://carnet/assets', 'app://other/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('secret');
    }
    expect(read.mock.calls.map(([file]) => file).every((file) => file.startsWith(rendererRoot + path.sep))).toBe(true);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppRequestHandler(rendererRoot);
    expect((await handler(new Request('app://carnet/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://carnet/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app itself', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('default-src')).toBe("default-src 'self'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('connect-src')).toBe("connect-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directives.get('form-action')).toBe("form-action 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it('handles the app scheme with the file server', async () => {
    const protocol = { handle: vi.fn() };
    const read = vi.fn(async () => new TextEncoder().encode('<html>'));
    serveAppProtocol(protocol, root, read);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://carnet/'))).status).toBe(200);
    expect(read).toHaveBeenCalledWith(path.join(root, 'index.html'));
  });
});
