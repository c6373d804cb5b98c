// The renderer's one origin. A custom standard scheme keeps the app off file:// (whose origin
// every local file shares) and off any network server.
export const APP_SCHEME = 'app';
export const APP_HOST = 'carnet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing: a malformed URL is simply not trusted. */
export function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * True for a URL on the app's own origin. Compares scheme and host rather than `origin`: Node's
 * URL gives every custom scheme the origin "null", so two different hosts would look equal.
 */
export function isAppUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
