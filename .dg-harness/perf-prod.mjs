import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
});
await page.goto('http://localhost:5198/index.html?s=lossy&n=220&step=150');
await page.waitForTimeout(1500);
const segs = await page.locator('[data-testid=segment]').count();
await page.evaluate(() => { window.__long = []; });
// step forward 60 times at 4x pace
const t0 = Date.now();
for (let k = 151; k < 211; k++) { await page.evaluate((k) => window.__step(k), k); await page.waitForTimeout(180); }
console.log('segments', segs, 'elapsed', Date.now() - t0, 'long tasks', await page.evaluate(() => window.__long));
// mid-animation screenshot
await page.evaluate(() => window.__step(212));
await page.waitForTimeout(70);
await page.screenshot({ path: '/tmp/dg-mid.png' });
console.log(errors.slice(0, 5).join('\n'));
await browser.close();
