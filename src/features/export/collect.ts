// Reads a rendered diagram (see stage.tsx) into a standalone SVG tree: the state header (HTML on
// the page) redrawn as SVG text and pills where it stands, then the drawing's layers, every style
// the page's CSS gives them written as attributes with resolved colours. Needs the DOM.

import { colorFromBytes, parseColor, type PlainColor } from './colors';
import { attributesToWrite, exportedValues, SVG_INITIAL, type ColorFallback } from './styles';
import { el, num, type SvgElement, type SvgNode } from './svgTree';

export interface CollectedDiagram {
  root: SvgElement;
  /** CSS pixels, as the diagram (state header and drawing) measures on the page. */
  width: number;
  height: number;
}

/** Attributes of the page's elements that an exported file does not carry. */
function keepAttribute(name: string): boolean {
  if (name in SVG_INITIAL) return false; // re-derived from the computed style
  if (name === 'style' || name === 'role' || name === 'tabindex' || name === 'data-testid') {
    return false;
  }
  return !name.startsWith('aria-') && !name.startsWith('on');
}

/** Elements that are there for the mouse only (wide transparent hit lines). */
const SKIPPED_CLASSES = ['dg-hit'];

/** A colour resolver for what the parser cannot read: the browser paints it on a 1×1 canvas. */
export function canvasColorFallback(): ColorFallback {
  let context: CanvasRenderingContext2D | null | undefined;
  const cache = new Map<string, PlainColor | null>();
  return (value) => {
    if (cache.has(value)) return cache.get(value) ?? null;
    context ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    let color: PlainColor | null = null;
    if (context) {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = value;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
      color = colorFromBytes(r, g, b, a);
    }
    cache.set(value, color);
    return color;
  };
}

function styleGetter(element: Element): (property: string) => string {
  const style = getComputedStyle(element);
  return (property) => style.getPropertyValue(property);
}

/** One drawn SVG element and its subtree, or null when it draws nothing. */
function convertSvg(
  node: Element,
  parent: Readonly<Record<string, string>>,
  fallback: ColorFallback,
): SvgElement | null {
  const tag = node.tagName;
  if (tag === 'title' || tag === 'desc') {
    return el(tag, {}, [node.textContent ?? '']);
  }
  if (SKIPPED_CLASSES.some((c) => node.classList.contains(c))) return null;
  const get = styleGetter(node);
  if (get('display') === 'none') return null;
  const values = exportedValues(get, fallback);
  const { attrs, style } = attributesToWrite(values, parent);
  const own: Record<string, string> = {};
  for (const attr of Array.from(node.attributes)) {
    if (keepAttribute(attr.name)) own[attr.name] = attr.value;
  }
  const children: SvgNode[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (child.nodeValue) children.push(child.nodeValue);
    } else if (child instanceof Element) {
      const converted = convertSvg(child, values, fallback);
      if (converted) children.push(converted);
    }
  }
  return el(tag, { ...own, ...attrs, ...(style ? { style } : {}) }, children);
}

/** Where a text sits: its box, and the baseline of its first line. */
function textBox(textNode: Text, font: string): { box: DOMRect; baseline: number } | null {
  const range = document.createRange();
  range.selectNodeContents(textNode);
  const box = range.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return null;
  // An inline box is its font's ascent + descent tall: the baseline is the ascent below its top.
  const context = document.createElement('canvas').getContext('2d');
  let ascent = box.height * 0.8;
  if (context) {
    context.font = font;
    const metrics = context.measureText(textNode.nodeValue ?? '');
    if (metrics.fontBoundingBoxAscent > 0 && metrics.fontBoundingBoxDescent >= 0) {
      const total = metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent;
      ascent = (metrics.fontBoundingBoxAscent / total) * box.height;
    }
  }
  return { box, baseline: box.top + ascent };
}

/** The values of an HTML text for the SVG text redrawing it (its colour is the SVG fill). */
function htmlTextValues(
  element: Element,
  base: Readonly<Record<string, string>>,
  fallback: ColorFallback,
): Record<string, string> {
  const get = styleGetter(element);
  const own = exportedValues((property) => {
    switch (property) {
      case 'fill':
        return get('color');
      case 'fill-opacity':
      case 'stroke-opacity':
        return '1';
      case 'stroke':
        return 'none';
      case 'text-anchor':
        return 'middle';
      case 'opacity':
        return get('opacity');
      default:
        return property.startsWith('font-') || property === 'letter-spacing'
          ? get(property)
          : (base[property] ?? '');
    }
  }, fallback);
  return own;
}

/** The state header (each side's name, address and state pill) as SVG, in frame coordinates. */
function convertHeader(
  head: HTMLElement,
  origin: { left: number; top: number; width: number },
  base: Readonly<Record<string, string>>,
  fallback: ColorFallback,
): SvgElement[] {
  const out: SvgElement[] = [];
  const rect = head.getBoundingClientRect();
  const headStyle = getComputedStyle(head);
  const rule = parseFloat(headStyle.borderBottomWidth) || 0;
  const ruleColor =
    parseColor(headStyle.borderBottomColor) ?? fallback(headStyle.borderBottomColor);
  if (rule > 0 && ruleColor && ruleColor.alpha > 0) {
    const y = rect.bottom - rule / 2 - origin.top;
    out.push(
      el('line', {
        class: 'dg-head-rule',
        x1: 0,
        x2: origin.width,
        y1: y,
        y2: y,
        stroke: ruleColor.hex,
        'stroke-opacity': ruleColor.alpha === 1 ? undefined : num(ruleColor.alpha),
        'stroke-width': num(rule),
      }),
    );
  }
  for (const pill of Array.from(head.querySelectorAll<HTMLElement>('.dg-end-state'))) {
    const box = pill.getBoundingClientRect();
    const style = getComputedStyle(pill);
    const border = parseFloat(style.borderTopWidth) || 0;
    const radius = parseFloat(style.borderTopLeftRadius) || 0;
    const fill = parseColor(style.backgroundColor) ?? fallback(style.backgroundColor);
    const stroke = parseColor(style.borderTopColor) ?? fallback(style.borderTopColor);
    const h = box.height - border;
    out.push(
      el('rect', {
        class: 'dg-end-pill',
        x: box.left + border / 2 - origin.left,
        y: box.top + border / 2 - origin.top,
        width: box.width - border,
        height: h,
        rx: Math.max(0, Math.min(radius, box.height / 2, box.width / 2) - border / 2),
        fill: fill && fill.alpha > 0 ? fill.hex : 'none',
        'fill-opacity': fill && fill.alpha > 0 && fill.alpha < 1 ? num(fill.alpha) : undefined,
        stroke: border > 0 && stroke && stroke.alpha > 0 ? stroke.hex : undefined,
        'stroke-width': border > 0 ? num(border) : undefined,
      }),
    );
  }
  const texts = head.querySelectorAll<HTMLElement>('.dg-end-side, .dg-end-addr, .dg-end-state');
  for (const element of Array.from(texts)) {
    const textNode = Array.from(element.childNodes).find(
      (n): n is Text => n.nodeType === Node.TEXT_NODE && (n.nodeValue ?? '').trim() !== '',
    );
    if (!textNode) continue;
    const placed = textBox(textNode, getComputedStyle(element).font);
    if (!placed) continue;
    const values = htmlTextValues(element, base, fallback);
    const { attrs, style } = attributesToWrite(values, base);
    out.push(
      el(
        'text',
        {
          class: element.className,
          x: placed.box.left + placed.box.width / 2 - origin.left,
          y: placed.baseline - origin.top,
          ...attrs,
          ...(style ? { style } : {}),
        },
        [(textNode.nodeValue ?? '').trim()],
      ),
    );
  }
  return out;
}

/**
 * The diagram rendered in `dg` (a `.dg` element) as one SVG tree. Its frame is the drawing's width
 * and runs from the top of the state header to the bottom of the drawing.
 */
export function collectDiagram(dg: HTMLElement, title: string): CollectedDiagram {
  const fallback = canvasColorFallback();
  const canvas = dg.querySelector<HTMLElement>('.dg-canvas');
  const layers = canvas ? Array.from(canvas.querySelectorAll<SVGSVGElement>(':scope > svg')) : [];
  const drawing = layers[0];
  if (!canvas || !drawing) throw new Error('no diagram to export');
  const head = dg.querySelector<HTMLElement>('.dg-head');
  const canvasBox = canvas.getBoundingClientRect();
  const headBox = head?.getBoundingClientRect();
  const origin = {
    left: canvasBox.left,
    top: headBox ? Math.min(headBox.top, canvasBox.top) : canvasBox.top,
    width: canvasBox.width,
  };
  const width = canvasBox.width;
  const height = canvasBox.bottom - origin.top;

  // The drawing's own values are the file's defaults: written once on the root.
  const base = exportedValues(styleGetter(drawing), fallback);
  const rootAttrs = attributesToWrite(base, SVG_INITIAL);
  const background = parseColor(getComputedStyle(dg).backgroundColor) ??
    fallback(getComputedStyle(dg).backgroundColor) ?? { hex: '#ffffff', alpha: 1 };

  const logicalWidth = drawing.viewBox.baseVal?.width || width;
  const scale = width / logicalWidth;
  const shift = canvasBox.top - origin.top;
  const transform =
    `translate(0 ${num(shift)})` +
    (Math.abs(scale - 1) > 1e-6 ? ` scale(${scale.toFixed(5)})` : '');
  const layerGroups: SvgElement[] = layers.map((layer) => {
    const values = exportedValues(styleGetter(layer), fallback);
    const { attrs } = attributesToWrite(values, base);
    const children: SvgElement[] = [];
    for (const child of Array.from(layer.children)) {
      const converted = convertSvg(child, values, fallback);
      if (converted) children.push(converted);
    }
    return el('g', { class: layer.getAttribute('class') ?? undefined, ...attrs }, children);
  });

  const root = el(
    'svg',
    {
      width: num(width),
      height: num(height),
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-label': title,
      ...rootAttrs.attrs,
      ...(rootAttrs.style ? { style: rootAttrs.style } : {}),
    },
    [
      el('title', {}, [title]),
      el('rect', {
        class: 'dg-background',
        x: 0,
        y: 0,
        width: num(width),
        height: num(height),
        fill: background.alpha > 0 ? background.hex : 'none',
        stroke: 'none',
        'paint-order': 'normal',
      }),
      el('g', { class: 'dg-head' }, head ? convertHeader(head, origin, base, fallback) : []),
      el('g', { class: 'dg-drawing', transform }, layerGroups),
    ],
  );
  return { root, width, height };
}
