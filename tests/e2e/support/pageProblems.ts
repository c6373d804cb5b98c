import type { Page } from 'playwright-core';

/** Every script error, console error (CSP refusals are reported there too) and CSP violation event of a page. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Calls the contract the way the page does (its token, its origin): for setup the test does not show. */
export function callApi<T = unknown>(page: Page, method: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('carnet.token') ?? '';
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-carnet-token': token }, body: JSON.stringify(body) });
      const outcome = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error?.message}`);
      return outcome.result;
    },
    [method, input] as const,
  ) as Promise<T>;
}
