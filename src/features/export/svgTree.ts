// A small SVG document tree and its serialisation to a standalone file. The export builds this tree
// from the drawing on the page (with every style resolved into attributes), then writes it here:
// no DOM needed, so the file's exact text is testable in Node.

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
}

export type SvgNode = SvgElement | string;

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function el(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: SvgNode[] = [],
): SvgElement {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) clean[name] = typeof value === 'number' ? num(value) : value;
  }
  return { tag, attrs: clean, children };
}

/** A number as an attribute value: at most two decimals, no trailing zeros, no `-0`. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

// Characters XML 1.0 cannot hold at all (not even escaped): dropped.
// eslint-disable-next-line no-control-regex -- these control characters are what it removes
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

/** One element and its subtree as XML; attributes with names XML cannot hold are left out. */
export function serializeNode(node: SvgNode): string {
  if (typeof node === 'string') return escapeText(node);
  const tag = NAME.test(node.tag) ? node.tag : 'g';
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (NAME.test(name)) out += ` ${name}="${escapeAttr(value)}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  return `${out}>${node.children.map(serializeNode).join('')}</${tag}>`;
}

/** A standalone SVG file: the XML declaration, then `root` with the SVG namespace on it. */
export function serializeSvg(root: SvgElement): string {
  const withNs: SvgElement = { ...root, attrs: { xmlns: SVG_NS, ...root.attrs } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeNode(withNs)}\n`;
}

/** The text an element draws itself (its own string children, not its child elements'). */
export function ownText(node: SvgElement): string {
  return node.children.filter((c): c is string => typeof c === 'string').join('');
}

/** Every element of a tree, depth first, the root first. */
export function* walk(node: SvgElement): Generator<SvgElement> {
  yield node;
  for (const child of node.children) if (typeof child !== 'string') yield* walk(child);
}
