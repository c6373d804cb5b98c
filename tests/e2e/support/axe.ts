import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations, readably.
 * `iframes: false` leaves frames out (a sandboxed frame runs no script: axe cannot run inside).
 */
export async function axeViolations(page: Page, options: { iframes?: boolean } = {}): Promise<string[]> {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.addScriptTag({ content: axeSource }).catch(async () => page.evaluate(axeSource));
  const violations = await page.evaluate(async (iframes) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { iframes, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  }, options.iframes ?? true);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
