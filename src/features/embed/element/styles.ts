// The widget's styles as text for each element's shadow root, so that the course page's CSS and the
// widget's never touch. Every stylesheet of the page's components is included (a new one is picked
// up by itself), in the page's order: the diagram's, then the page's own, then the rest. The page's
// features (src/features) are not the widget's, nor is the page's compact layout (embed.css).

const sheets = import.meta.glob<string>(['../../../ui/**/*.css', '!../../../ui/embed.css'], {
  query: '?inline',
  import: 'default',
  eager: true,
});

/** Sheets that come first, in this order (as the page's build puts them). */
const FIRST = ['../../../ui/diagram/diagram.css', '../../../ui/app.css'];

/** What the element itself needs: a block box, hidden when asked. */
const HOST_CSS = ':host{display:block}:host([hidden]){display:none}';

function rank(path: string): number {
  const index = FIRST.indexOf(path);
  return index === -1 ? FIRST.length : index;
}

export const WIDGET_CSS: string = [
  HOST_CSS,
  ...Object.keys(sheets)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((path) => sheets[path]),
].join('\n');
