// Lets the Node side of the suite import src/scenarios/index.ts, whose lesson JSON files are
// imported the bundler's way (without `with { type: 'json' }`), which Node's ESM loader refuses.
// A load hook serves a .json file as an ES module with a default export, as vite does.
import { register } from 'node:module';

const hook = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.json') && !context.importAttributes?.type) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: 'export default ' + text + ';', shortCircuit: true };
  }
  return next(url, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
