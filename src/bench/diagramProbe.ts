// The diagram's measuring instrument, run in the page: shared by the page bench (ui.ts, the
// `ui-layout-overlaps` and `ui-hidden-steps` lines) and the browser tests (e2e/helpers/diagramChecks.ts).
//
// A plain script rather than a function, like ui.ts's probes: tsx compiles functions with name
// helpers that do not exist in the page. `diagramProbeCall(arg)` is an expression for
// `page.evaluate` that returns a `DiagramProbeResult` (a promise, which Playwright awaits).
//
// One call, after a step:
// 1. waits until the step counter reads `arg.counter` (when given), then until the page is still:
//    the diagram's scroll position, the page's and the diagram's place unchanged from one frame to the next;
// 2. finds the arrows the step added or changed: a `segment` whose `data-id` was not drawn at the
//    previous call, whose `data-fate` changed, or that gained a duplicate copy (the previous call's
//    picture is kept in `window.__hlDiagramProbe`); or exactly `arg.ids` when given (a deep link);
// 3. tells for each whether its arrow (the shaft, the head, the ✕ of a drop, a new copy: every shape
//    of the segment but its texts and a label's leader) lies fully inside the diagram's visible rectangle: the scroll
//    container's (`data-testid=diagram`) client box, intersected with every clipping ancestor's and
//    the viewport, less what sticky or fixed elements outside the drawing cover (the diagram's own
//    pinned state header, a sticky step bar);
// 4. lists every pair of the diagram's visible SVG texts whose rotated boxes overlap: each text's
//    `getBBox()` (without leading and trailing blanks) mapped through `getScreenCTM()` into a
//    quadrilateral, the pairs tested by the separating axis theorem; a pair overlaps when it
//    overlaps along every axis by more than `tolerance` pixels.

/** What the page reports. Rectangles and points in CSS pixels of the viewport. */
export interface DiagramProbeResult {
  /** The step counter's text when measured. */
  counter: string;
  visible: Rect | null;
  /** The arrows this step added or changed, each with where it is. */
  arrows: ArrowCheck[];
  /** Every overlapping pair of texts. */
  overlaps: TextOverlap[];
  /** How many texts were compared. */
  texts: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ArrowCheck {
  id: string;
  /** `data-flags`, `data-from` and `data-fate`, to name the arrow in a message. */
  flags: string;
  from: string;
  fate: string;
  /** Why it counts as this step's: new, fate (changed), copy (a new duplicate), asked. */
  why: string;
  box: Rect | null;
  inside: boolean;
  /** Longer than the visible rectangle: then only its tip must be in view. */
  tall: boolean;
  /** Where the arrow ends now. */
  tip: { x: number; y: number } | null;
  /** The sticky or fixed element over it, if any. */
  under: string | null;
  /** Where it sticks out, in pixels (0 when inside). */
  out: { left: number; top: number; right: number; bottom: number };
}

export interface TextOverlap {
  a: string;
  b: string;
  /** Depth of the overlap along the axis that separates them least, in pixels. */
  depth: number;
}

export interface DiagramProbeArg {
  /** Wait until the step counter reads exactly this first. */
  counter?: string | null;
  /** Check these segments rather than the ones changed since the previous call. */
  ids?: string[] | null;
  /** Forget the previous picture (a new page, or a jump that is not one step). */
  reset?: boolean;
  /** Overlap tolerance in pixels (default 0.5). */
  tolerance?: number;
  /** Skip the text overlaps (cheaper). */
  skipOverlaps?: boolean;
}

/** The in-page function's source: `async (arg) => DiagramProbeResult`. */
export const DIAGRAM_PROBE_SOURCE = `async (arg) => {
  const tolerance = arg.tolerance ?? 0.5;
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const counterText = () => (q('step-counter')?.textContent ?? '').trim();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (arg.counter != null) {
    const start = performance.now();
    while (counterText() !== arg.counter) {
      if (performance.now() - start > 10000) {
        throw new Error('step-counter reads "' + counterText() + '", expected "' + arg.counter + '"');
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  // Still: the same scroll positions and diagram place from one frame to the next (at most 3 s).
  const scroller = () => q('diagram');
  const pose = () => {
    const el = scroller();
    const r = el ? el.getBoundingClientRect() : null;
    return [window.scrollX, window.scrollY, el ? el.scrollTop : 0, el ? el.scrollLeft : 0,
      r ? r.top : 0, r ? r.left : 0, r ? r.height : 0, counterText()].join(' ');
  };
  {
    let last = pose();
    let same = 0;
    const start = performance.now();
    await frame();
    while (same < 1 && performance.now() - start < 3000) {
      await frame();
      const now = pose();
      if (now === last) same++;
      else { same = 0; last = now; }
    }
  }
  const dg = scroller();
  const counter = counterText();
  if (!dg) return { counter, visible: null, arrows: [], overlaps: [], texts: 0 };

  // ---- the visible rectangle ----
  const meet = (a, b) => ({
    left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom),
  });
  const inner = (el) => {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft;
    const top = r.top + el.clientTop;
    return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
  };
  let vis = inner(dg);
  for (let el = dg.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const box = inner(el);
      if (style.overflowX !== 'visible') { vis.left = Math.max(vis.left, box.left); vis.right = Math.min(vis.right, box.right); }
      if (style.overflowY !== 'visible') { vis.top = Math.max(vis.top, box.top); vis.bottom = Math.min(vis.bottom, box.bottom); }
    }
  }
  const root = document.documentElement;
  vis = meet(vis, { left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight });
  // Sticky and fixed elements in front of the drawing: those across its top or bottom edge shrink
  // it; any other is a hole an arrow must not be under.
  const canvas = dg.querySelector('svg');
  const holes = [];
  const nameOf = (el) => {
    const testid = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + (testid ? '[data-testid=' + testid + ']' : '') + (el.id ? '#' + el.id : '') + cls;
  };
  const fixed = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
    const position = getComputedStyle(el).position;
    if (position !== 'sticky' && position !== 'fixed') continue;
    if (canvas && (el.contains(canvas) || canvas.contains(el))) continue;
    if (fixed.some((outer) => outer.contains(el))) continue;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    fixed.push(el);
  }
  for (const el of fixed) {
    const o = el.getBoundingClientRect();
    if (o.width < 1 || o.height < 1) continue;
    if (o.right <= vis.left || o.left >= vis.right || o.bottom <= vis.top || o.top >= vis.bottom) continue;
    const across = o.left <= vis.left + 1 && o.right >= vis.right - 1;
    if (across && o.top <= vis.top + 1) vis.top = Math.max(vis.top, o.bottom);
    else if (across && o.bottom >= vis.bottom - 1) vis.bottom = Math.min(vis.bottom, o.top);
    else holes.push({ left: o.left, top: o.top, right: o.right, bottom: o.bottom, name: nameOf(el) });
  }
  const visible = vis.right > vis.left && vis.bottom > vis.top ? vis : null;

  // ---- this step's arrows ----
  const segs = [...dg.querySelectorAll('[data-testid="segment"]')];
  const picture = new Map(segs.map((el) => [el.getAttribute('data-id') ?? '', {
    fate: el.getAttribute('data-fate') ?? '', copies: el.querySelectorAll('.dg-copy').length,
  }]));
  const prev = arg.reset ? null : window.__hlDiagramProbe ?? null;
  window.__hlDiagramProbe = picture;
  const chosen = [];
  for (const el of segs) {
    const id = el.getAttribute('data-id') ?? '';
    const now = picture.get(id);
    let why = null;
    if (arg.ids) { if (arg.ids.includes(id)) why = 'asked'; }
    else if (prev) {
      const was = prev.get(id);
      if (!was) why = 'new';
      else if (was.fate !== now.fate) why = 'fate';
      else if (now.copies > was.copies) why = 'copy';
    }
    if (why) chosen.push({ el, id, why, newCopy: why === 'copy' });
  }
  const arrows = chosen.map(({ el, id, why, newCopy }) => {
    const copies = [...el.querySelectorAll('.dg-copy')];
    const lastCopy = copies[copies.length - 1];
    let box = null;
    // A label's leader belongs to the label, not to the arrow.
    for (const shape of el.querySelectorAll('line:not(.dg-leader), path, polygon, polyline, circle, rect')) {
      const copy = shape.closest('.dg-copy');
      if (copy && !(newCopy && copy === lastCopy)) continue;
      const r = shape.getBoundingClientRect();
      if (r.width === 0 && r.height === 0 && r.left === 0 && r.top === 0) continue;
      box = box
        ? { left: Math.min(box.left, r.left), top: Math.min(box.top, r.top), right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) }
        : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    // The tip: where the arrow ends now (the end of its hit line), to judge an arrow too long to fit.
    let tip = null;
    const hit = el.querySelector('line.dg-hit');
    const hm = hit && hit.getScreenCTM();
    if (hit && hm) {
      const x = hit.x2.baseVal.value;
      const y = hit.y2.baseVal.value;
      tip = { x: hm.a * x + hm.c * y + hm.e, y: hm.b * x + hm.d * y + hm.f };
    }
    const slack = 1;
    const out = { left: 0, top: 0, right: 0, bottom: 0 };
    let inside = false;
    let tall = false;
    let under = null;
    if (box && visible) {
      out.left = Math.max(0, visible.left - box.left);
      out.top = Math.max(0, visible.top - box.top);
      out.right = Math.max(0, box.right - visible.right);
      out.bottom = Math.max(0, box.bottom - visible.bottom);
      inside = out.left <= slack && out.top <= slack && out.right <= slack && out.bottom <= slack;
      // Longer than the visible rectangle is high (or wide): it cannot be wholly in view; then its
      // tip must be, with as much of the arrow as fits (it runs past both edges or none).
      tall = box.bottom - box.top > visible.bottom - visible.top + slack ||
        box.right - box.left > visible.right - visible.left + slack;
      if (tall && tip) {
        const tipIn = tip.x >= visible.left - slack && tip.x <= visible.right + slack &&
          tip.y >= visible.top - slack && tip.y <= visible.bottom + slack;
        inside = tipIn;
      }
      // A sticky element over the arrow hides it; over a long arrow, only one over its tip does
      // (the rest of it runs out of view anyway).
      const seen = tall && tip
        ? { left: tip.x - 3, top: tip.y - 3, right: tip.x + 3, bottom: tip.y + 3 }
        : box;
      for (const hole of holes) {
        const w = Math.min(hole.right, seen.right) - Math.max(hole.left, seen.left);
        const h = Math.min(hole.bottom, seen.bottom) - Math.max(hole.top, seen.top);
        if (w > slack && h > slack) { inside = false; under = hole.name; }
      }
    }
    const round = (v) => Math.round(v * 10) / 10;
    for (const k of Object.keys(out)) out[k] = round(out[k]);
    return {
      id, why, inside, out, tall, under,
      tip: tip && { x: Math.round(tip.x * 10) / 10, y: Math.round(tip.y * 10) / 10 },
      flags: el.getAttribute('data-flags') ?? '', from: el.getAttribute('data-from') ?? '',
      fate: el.getAttribute('data-fate') ?? '',
      box: box && { left: round(box.left), top: round(box.top), right: round(box.right), bottom: round(box.bottom) },
    };
  });

  // ---- overlapping texts ----
  const overlaps = [];
  let count = 0;
  if (!arg.skipOverlaps) {
    const quads = [];
    for (const text of dg.querySelectorAll('svg text')) {
      const content = text.textContent ?? '';
      const trimmed = content.trim();
      if (!trimmed) continue;
      if (typeof text.checkVisibility === 'function' && !text.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const m = text.getScreenCTM();
      if (!m) continue;
      const b = text.getBBox();
      if (b.width <= 0 || b.height <= 0) continue;
      let x0 = b.x;
      let x1 = b.x + b.width;
      // Leave out leading and trailing blanks (a label drawn as "text "), where the characters
      // are laid out one by one as written.
      if (trimmed.length !== content.length && text.getNumberOfChars() === content.length) {
        try {
          const first = content.length - content.trimStart().length;
          const last = content.trimEnd().length - 1;
          const ef = text.getExtentOfChar(first);
          const el = text.getExtentOfChar(last);
          x0 = Math.max(x0, Math.min(ef.x, el.x));
          x1 = Math.min(x1, Math.max(ef.x + ef.width, el.x + el.width));
        } catch { /* keep the whole box */ }
      }
      const corner = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      const pts = [corner(x0, b.y), corner(x1, b.y), corner(x1, b.y + b.height), corner(x0, b.y + b.height)];
      const seg = text.closest('[data-testid="segment"]');
      const where = seg ? ' [segment ' + seg.getAttribute('data-id') + ']' : '';
      quads.push({ pts, name: JSON.stringify(trimmed.length > 60 ? trimmed.slice(0, 57) + '…' : trimmed) + where,
        minX: Math.min(...pts.map((p) => p.x)), maxX: Math.max(...pts.map((p) => p.x)),
        minY: Math.min(...pts.map((p) => p.y)), maxY: Math.max(...pts.map((p) => p.y)) });
    }
    count = quads.length;
    const axesOf = (pts) => {
      const out = [];
      for (let i = 0; i < 2; i++) {
        const dx = pts[i + 1].x - pts[i].x;
        const dy = pts[i + 1].y - pts[i].y;
        const len = Math.hypot(dx, dy);
        if (len > 0) out.push({ x: -dy / len, y: dx / len });
      }
      return out;
    };
    const span = (pts, axis) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const p of pts) { const v = p.x * axis.x + p.y * axis.y; lo = Math.min(lo, v); hi = Math.max(hi, v); }
      return [lo, hi];
    };
    for (let i = 0; i < quads.length; i++) {
      const a = quads[i];
      for (let j = i + 1; j < quads.length; j++) {
        const b = quads[j];
        if (a.maxX <= b.minX + tolerance || b.maxX <= a.minX + tolerance) continue;
        if (a.maxY <= b.minY + tolerance || b.maxY <= a.minY + tolerance) continue;
        let depth = Infinity;
        for (const axis of [...axesOf(a.pts), ...axesOf(b.pts)]) {
          const [alo, ahi] = span(a.pts, axis);
          const [blo, bhi] = span(b.pts, axis);
          depth = Math.min(depth, Math.min(ahi, bhi) - Math.max(alo, blo));
          if (depth <= tolerance) break;
        }
        if (depth > tolerance) overlaps.push({ a: a.name, b: b.name, depth: Math.round(depth * 10) / 10 });
      }
    }
  }
  const round = (v) => Math.round(v * 10) / 10;
  return {
    counter, arrows, overlaps, texts: count,
    visible: visible && { left: round(visible.left), top: round(visible.top), right: round(visible.right), bottom: round(visible.bottom) },
  };
}`;

/** An expression for `page.evaluate`: the probe called with `arg`. */
export function diagramProbeCall(arg: DiagramProbeArg = {}): string {
  return `(${DIAGRAM_PROBE_SOURCE})(${JSON.stringify(arg)})`;
}

/** Why an arrow is not in view, in words; null when it is. */
export function arrowProblem(arrow: ArrowCheck, visible: Rect | null): string | null {
  if (arrow.inside) return null;
  const out = Object.entries(arrow.out)
    .filter(([, v]) => v > 0)
    .map(([side, v]) => `${v} px past the ${side}`)
    .join(', ');
  let what: string;
  if (!arrow.box) what = 'not drawn';
  else if (arrow.under) what = `under ${arrow.under}`;
  else if (arrow.tall) what = `longer than the visible area and its tip is out of view (${out})`;
  else what = out || 'out of view';
  const tip = arrow.tip ? `, tip at ${arrow.tip.x},${arrow.tip.y}` : '';
  return (
    `arrow ${arrow.id} (${arrow.from} ${arrow.flags}, ${arrow.fate}, ${arrow.why}) ${what}; ` +
    `arrow ${fmtRect(arrow.box)}${tip}; visible ${fmtRect(visible)}`
  );
}

/** One line per problem of a measurement, for a failure message or the bench's log. */
export function describeProbe(result: DiagramProbeResult): string[] {
  const lines: string[] = [];
  for (const arrow of result.arrows) {
    const problem = arrowProblem(arrow, result.visible);
    if (problem) lines.push(problem);
  }
  for (const o of result.overlaps) lines.push(`texts overlap by ${o.depth} px: ${o.a} × ${o.b}`);
  return lines;
}

function fmtRect(r: Rect | null): string {
  return r ? `y ${r.top}–${r.bottom}, x ${r.left}–${r.right}` : 'none';
}
