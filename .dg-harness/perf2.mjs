import { chromium } from '@playwright/test';
const css = process.argv[2] ?? '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
});
await page.goto('http://localhost:5198/index.html?s=lossy&n=220&step=150');
if (css) await page.addStyleTag({ content: css });
await page.waitForTimeout(1500);
await page.evaluate(() => { window.__long = []; });
const t0 = Date.now();
for (let k = 151; k < 191; k++) { await page.evaluate((k) => window.__step(k), k); await page.waitForTimeout(180); }
const l = await page.evaluate(() => window.__long);
console.log('elapsed', Date.now() - t0, 'long', l.length, 'sum', l.reduce((a, b) => a + b, 0));
await browser.close();
