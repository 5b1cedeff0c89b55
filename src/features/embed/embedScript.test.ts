// public/embed.js, the course page's helper, run in a stand-in of a course page's window: which
// frames it resizes and what it takes window.HandshakeLab to be. (e2e/holes.spec.ts runs the same
// file in Chromium.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const EMBED_JS = readFileSync(
  fileURLToPath(new URL('../../../public/embed.js', import.meta.url)),
  'utf8',
);

const LAB = 'https://lab.example';
const OTHER = 'https://video.example';

interface Frame {
  src: string;
  style: { height: string };
  contentWindow: object;
}

interface CoursePage {
  frame(src: string): Frame;
  /** A message from `frame`'s window, as the page's listener gets it. */
  post(frame: Frame, data: unknown, origin: string): void;
  global(name: string): unknown;
  /** Loads embed.js again, as a second script tag would (from `scriptSrc`, or where it was). */
  load(scriptSrc?: string): void;
}

/**
 * A course page at https://course.example/week/ that loads embed.js from `scriptSrc` (null: no
 * script is running, as for a module), with `globals` on its window beforehand (a clobbering
 * element), and `named` shadowing the document's properties by name.
 */
function coursePage(
  firstSrc: string | null,
  globals: Record<string, unknown> = {},
  named: Record<string, unknown> = {},
): CoursePage {
  let scriptSrc = firstSrc;
  const frames: Frame[] = [];
  const listeners: ((event: unknown) => void)[] = [];
  class Node {
    get baseURI(): string {
      return 'https://course.example/week/';
    }
  }
  class Document extends Node {
    get currentScript(): { src: string } | null {
      return scriptSrc === null ? null : { src: scriptSrc };
    }
    getElementsByTagName(tag: string): Frame[] {
      return tag === 'iframe' ? frames : [];
    }
  }
  const document = new Document();
  // As a named element does: an own property that shadows the prototype's.
  for (const [name, value] of Object.entries(named)) {
    Object.defineProperty(document, name, { value, configurable: true });
  }
  const window: Record<string, unknown> = {
    ...globals,
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  };
  const context = createContext({ window, document, Document, Node, URL, Symbol });
  const page: CoursePage = {
    frame(src) {
      const frame = { src, style: { height: '400px' }, contentWindow: {} };
      frames.push(frame);
      return frame;
    },
    post(frame, data, origin) {
      for (const listener of listeners) listener({ data, origin, source: frame.contentWindow });
    },
    global: (name) => window[name],
    load: (src) => {
      if (src !== undefined) scriptSrc = src;
      runInContext(EMBED_JS, context);
    },
  };
  page.load();
  return page;
}

const height = (value: number) => ({ source: 'handshake-lab', type: 'height', height: value });

describe('embed.js', () => {
  it("resizes the lab's frames only, not another site's that posts the same message", () => {
    const page = coursePage(`${LAB}/handshake-lab/embed.js`);
    const lab = page.frame(`${LAB}/handshake-lab/?embed=1`);
    const video = page.frame(`${OTHER}/player`);
    page.post(lab, height(612.2), LAB);
    page.post(video, height(9999), OTHER);
    expect(lab.style.height).toBe('613px');
    expect(video.style.height).toBe('400px');
  });

  it('ignores a message from another origin than its frame points at', () => {
    const page = coursePage(`${LAB}/embed.js`);
    const lab = page.frame(`${LAB}/?embed=1`);
    page.post(lab, height(700), OTHER);
    expect(lab.style.height).toBe('400px');
  });

  it('resizes nothing when it cannot tell where it was served from', () => {
    const page = coursePage(null);
    const lab = page.frame(`${LAB}/?embed=1`);
    page.post(lab, height(700), LAB);
    expect(lab.style.height).toBe('400px');
  });

  it('works beside an element whose id is HandshakeLab, and takes its name', () => {
    const element = { tagName: 'DIV', id: 'HandshakeLab' };
    const page = coursePage(`${LAB}/embed.js`, { HandshakeLab: element });
    const lab = page.frame(`${LAB}/?embed=1`);
    page.post(lab, height(650), LAB);
    expect(lab.style.height).toBe('650px');
    expect(page.global('HandshakeLab')).not.toBe(element);
    expect(typeof (page.global('HandshakeLab') as { send?: unknown }).send).toBe('function');
  });

  it('reads its own script and the frames past elements named like the document’s properties', () => {
    const fake = { src: `${OTHER}/embed.js` };
    const named = { currentScript: fake, baseURI: OTHER, getElementsByTagName: () => [] };
    const page = coursePage(`${LAB}/embed.js`, {}, named);
    const lab = page.frame(`${LAB}/?embed=1`);
    page.post(lab, height(640), LAB);
    expect(lab.style.height).toBe('640px');
  });

  it('included twice, listens once', () => {
    const page = coursePage(`${LAB}/embed.js`);
    const first = page.global('HandshakeLab');
    page.load();
    expect(page.global('HandshakeLab')).toBe(first);
    const lab = page.frame(`${LAB}/?embed=1`);
    const seen: string[] = [];
    const style = {};
    Object.defineProperty(style, 'height', { set: (value: string) => seen.push(value) });
    lab.style = style as Frame['style'];
    page.post(lab, height(600), LAB);
    expect(seen).toEqual(['600px']);
  });

  it('included from a second lab’s site, sizes the frames of both', () => {
    const page = coursePage(`${LAB}/embed.js`);
    page.load(`${OTHER}/lab/embed.js`);
    const first = page.frame(`${LAB}/?embed=1`);
    const second = page.frame(`${OTHER}/lab/?embed=1`);
    page.post(first, height(610), LAB);
    page.post(second, height(620), OTHER);
    expect([first.style.height, second.style.height]).toEqual(['610px', '620px']);
  });
});
