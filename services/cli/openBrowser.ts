import { spawn } from 'node:child_process';

/** Opens a URL in the user's default browser; failing to do so is not an error (the URL is printed). */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
    : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No desktop session (a server, CI): the printed URL is enough.
  }
}
