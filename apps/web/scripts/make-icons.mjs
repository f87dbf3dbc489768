// `node apps/web/scripts/make-icons.mjs`: the installable app's PNG icons (committed in
// apps/web/public) drawn from icon.svg by Debian's Chromium, so they match the favicon. The
// maskable icon fills the square and keeps the character inside the safe circle (80%).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const pub = join(dirname(dirname(fileURLToPath(import.meta.url))), 'public');
const svg = readFileSync(join(pub, 'icon.svg'), 'utf8');
const maskable = svg.replace('rx="12"', 'rx="0"').replace('font-size="30"', 'font-size="26"').replace('y="43"', 'y="41"');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [file, source, size] of [['icon-192.png', svg, 192], ['icon-512.png', svg, 512], ['icon-maskable-512.png', maskable, 512]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: join(pub, file), omitBackground: true });
  await page.close();
}
await browser.close();
