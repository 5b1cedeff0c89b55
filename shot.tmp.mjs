import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const [url, out, w, h, steps] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: +w, height: +h } });
p.on('console', m => { if (m.type()==='error') console.log('console error:', m.text()); });
p.on('pageerror', e => console.log('pageerror:', e.message));
await p.goto(url);
await p.waitForTimeout(1500);
for (let i = 0; i < +steps; i++) { await p.keyboard.press('ArrowRight'); await p.waitForTimeout(120); }
await p.waitForTimeout(1200);
await p.screenshot({ path: out, fullPage: true });
await b.close();
