import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../electron/appOrigin';
import { externalUrlToOpen, guardNavigation } from '../../../electron/navigation';
import { isPermissionGranted, restrictPermissions } from '../../../electron/security';
import { FakeWebContents } from '../../support/fakeElectron';

function guarded() {
  const contents = new FakeWebContents();
  const opener = { openExternal: vi.fn(async (_url: string) => {}) };
  guardNavigation(contents, opener, vi.fn());
  return { contents, opener };
}

describe('isAppUrl', () => {
  it('compares scheme and host, not Node’s "null" origin of custom schemes', () => {
    expect(new URL('app://evil/').origin).toBe(new URL('app://carnet/').origin);
    expect(isAppUrl('app://carnet/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
  });
});

describe('will-navigate', () => {
  it('lets the app move within its own origin', () => {
    const { contents } = guarded();
    expect(contents.navigate('app://carnet/index.html')).toBe(true);
    expect(contents.navigate('app://carnet/index.html#/engagements/E1')).toBe(true);
  });

  it.each(['https://example.com/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'not a url'])(
    'prevents navigation to %s',
    (url) => {
      const { contents, opener } = guarded();
      expect(contents.navigate(url)).toBe(false);
      expect(opener.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('window.open', () => {
  it('always denies, and hands an https link to the system browser', async () => {
    const { contents, opener } = guarded();
    expect(contents.open('https://www.laregion.fr/appel-a-projets')).toEqual({ action: 'deny' });
    expect(opener.openExternal).toHaveBeenCalledWith('https://www.laregion.fr/appel-a-projets');
  });

  it.each(['http://example.com/', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'smb://server/share', 'app://carnet/index.html', 'https//missing-colon', '', 'mailto:a@b.fr'])(
    'denies %s without opening anything',
    (url) => {
      const { contents, opener } = guarded();
      expect(contents.open(url)).toEqual({ action: 'deny' });
      expect(opener.openExternal).not.toHaveBeenCalled();
    },
  );

  it('survives the system refusing to open a link', async () => {
    const contents = new FakeWebContents();
    const log = vi.fn();
    guardNavigation(contents, { openExternal: () => Promise.reject(new Error('no browser')) }, log);
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('no browser')));
  });
});

describe('externalUrlToOpen', () => {
  it('returns the parsed https URL and null for anything else', () => {
    expect(externalUrlToOpen('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalUrlToOpen('HTTPS://EXAMPLE.COM')).toBe('https://example.com/');
    expect(externalUrlToOpen('http://example.com')).toBeNull();
    expect(externalUrlToOpen('::::')).toBeNull();
  });
});

describe('webviews and permissions', () => {
  it('never lets a <webview> attach', () => {
    const { contents } = guarded();
    expect(contents.attachWebview()).toBe(false);
  });

  it('refuses every permission but writing to the clipboard', () => {
    const handlers: { request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void; check?: (c: unknown, p: string) => boolean } = {};
    restrictPermissions({
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid']) {
      const callback = vi.fn();
      handlers.request!(null, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(handlers.check!(null, permission)).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
  });
});
