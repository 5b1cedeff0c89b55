// A stand-in LMS for the SCORM packages `npm run build:scorm` writes: builds them (once per test
// file), unzips one, and serves it from a small HTTP server on a free port of 127.0.0.1 next to a
// host page that puts scorm-again's run-time API (`window.API` for SCORM 1.2, `API_1484_11` for
// 2004) on its window and launches a set's launch page in an iframe, as an LMS does. The API
// posts its commits to the server, which keeps them: what the LMS's back end received.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

export type ScormVersion = '1.2' | '2004';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The zips in dist-scorm/, as src/cli/scormPackage.ts names them. */
const ZIP_NAME: Record<ScormVersion, string> = {
  '1.2': 'handshake-lab-scorm12.zip',
  '2004': 'handshake-lab-scorm2004.zip',
};

/** Runs `npm run build:scorm` (a vite build and two zips; some 10 s). */
export function buildScormPackages(): void {
  execFileSync('npm', ['run', 'build:scorm', '--silent'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 170_000,
  });
}

/** One version's zip, as built, unzipped into a new temporary folder; returns the folder. */
export function unzipPackage(version: ScormVersion): string {
  const zip = readFileSync(join(repo, 'dist-scorm', ZIP_NAME[version]));
  const dir = mkdtempSync(join(tmpdir(), `handshake-lab-lms-${version}-`));
  for (const [path, data] of Object.entries(unzipSync(new Uint8Array(zip)))) {
    if (path.endsWith('/')) continue;
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  return dir;
}

/** scorm-again's browser bundle: it sets `window.Scorm12API` and `window.Scorm2004API`. */
function scormAgainBundle(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('scorm-again');
  return join(dirname(main), 'scorm-again.js');
}

/** A commit the API sent to the LMS's back end: its JSON body, and whether it was the last. */
export interface Commit {
  terminate: boolean;
  body: Record<string, unknown>;
}

export interface Lms {
  /** The host page's URL: the API on its window, the set's launch page in its iframe. */
  url: string;
  /** Every commit received so far, in order. */
  commits: Commit[];
  close(): Promise<void>;
}

function hostPage(version: ScormVersion, setId: string): string {
  const global = version === '1.2' ? 'API' : 'API_1484_11';
  const constructor = version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Stand-in LMS (SCORM ${version})</title>
<script src="/scorm-again.js"></script>
<script>
  // What the API complains about (a value it refused, a call out of order), for the test.
  window.lmsLog = [];
  window.${global} = new window.${constructor}({
    lmsCommitUrl: '/commit',
    terminateCommitParam: 'terminate',
    logLevel: 3,
    onLogMessage: (level, message) => window.lmsLog.push(level + ' ' + message),
  });
</script>
<style>body { margin: 0 } iframe { width: 1260px; height: 1400px; border: 0 }</style>
</head>
<body>
<iframe title="Course" src="site/launch-${setId}.html"></iframe>
</body>
</html>
`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the unzipped package in `dir` (its files at their paths in the package), the host page
 * at /lms.html and scorm-again at /scorm-again.js, and records POSTs to /commit.
 */
export async function startLms(dir: string, version: ScormVersion, setId: string): Promise<Lms> {
  const commits: Commit[] = [];
  const bundle = scormAgainBundle();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/commit') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        commits.push({
          terminate: url.searchParams.get('terminate') === 'true',
          body: JSON.parse(text) as Record<string, unknown>,
        });
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ result: 'true', errorCode: 0 }));
      });
      return;
    }
    const headers = (type: string) => ({ 'content-type': type, 'cache-control': 'no-store' });
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/lms.html') {
      response.writeHead(200, headers(TYPES['.html']!)).end(hostPage(version, setId));
      return;
    }
    if (url.pathname === '/scorm-again.js') {
      response.writeHead(200, headers(TYPES['.js']!)).end(readFileSync(bundle));
      return;
    }
    const file = normalize(join(dir, decodeURIComponent(url.pathname)));
    let isFile: boolean;
    try {
      isFile = file.startsWith(dir + sep) && statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      response.writeHead(404, headers('text/plain')).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, headers(type)).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/lms.html`,
    commits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Removes an unzipped package. */
export function removePackage(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
