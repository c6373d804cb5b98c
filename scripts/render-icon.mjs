// Renders build/icon.svg to the PNGs electron-builder packs: build/icon.png (1024 px, from which
// it derives the macOS and Windows icons) and build/icons/<n>x<n>.png for Linux.
// Usage: node scripts/render-icon.mjs [path to chromium]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const svg = await readFile(new URL('../build/icon.svg', import.meta.url), 'utf8');
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  // Each size is drawn from the vector, not scaled down from the large bitmap.
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    return page.locator('svg').screenshot({ omitBackground: true });
  };
  await mkdir(new URL('../build/icons/', import.meta.url), { recursive: true });
  await writeFile(new URL('../build/icon.png', import.meta.url), await render(1024));
  for (const size of linuxSizes) {
    await writeFile(new URL(`../build/icons/${size}x${size}.png`, import.meta.url), await render(size));
  }
  console.log(`carnet: icon rendered (1024 and ${linuxSizes.join(', ')} px)`);
} finally {
  await browser.close();
}
