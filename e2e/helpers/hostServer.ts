// A stand-in for a course page's web server: another origin than the app's, so that the tests see
// what an LMS page sees (a cross-origin iframe, postMessage across origins). It listens on two
// ports: HOST_PORT is "the course page", HOST_PORT + 1 is "some other site" (for the tests that a
// message from an origin not allowed is ignored).
//   /hosts/NAME.html  e2e/hosts/NAME.html, with %APP% replaced by the app's URL (ending in /)
//   /lib/FILE         the web component's build (LIB_OUT, default dist-lib/)
// Run by playwright.config.ts; by hand: npx tsx e2e/helpers/hostServer.ts
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../..');
const PORT = Number(process.env.HOST_PORT ?? 4174);
const APP = (process.env.APP_URL ?? 'http://127.0.0.1:4173/').replace(/\/?$/, '/');
const ROOTS: Record<string, string> = {
  '/hosts/': resolve(repo, 'e2e/hosts'),
  '/lib/': resolve(repo, process.env.LIB_OUT ?? 'dist-lib'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The file a request path names, or null (outside the roots, missing, a directory). */
function fileFor(pathname: string): string | null {
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(root, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== root && !file.startsWith(root + sep)) return null;
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }
  return null;
}

function serve(port: number): void {
  createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('host server up');
      return;
    }
    const file = fileFor(url.pathname);
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // No caching: a test run always sees the files as they are now.
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (extname(file) === '.html') {
      const page = readFileSync(file, 'utf8').replaceAll('%APP%', APP);
      response.writeHead(200, headers).end(page);
      return;
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  }).listen(port, '127.0.0.1', () => {
    console.log(`host server on http://127.0.0.1:${port}/ (app at ${APP})`);
  });
}

serve(PORT);
serve(PORT + 1);
