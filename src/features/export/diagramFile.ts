// The diagram at the shown step as a standalone SVG file: rendered still off screen (stage.tsx),
// read into an SVG tree with every style resolved (collect.ts), and the fonts its text uses
// embedded as data: URLs, only the subsets covering its characters (fontFaces.ts).

import type { DiagramProps } from '../../ui/diagram';
import { collectDiagram } from './collect';
import { loadFontCatalog } from './fontCatalog';
import { facesFor, fontFaceCss, textRuns, woff2DataUrl } from './fontFaces';
import { renderStage, type ExportTheme } from './stage';
import { el, serializeSvg } from './svgTree';

export interface DiagramFile {
  text: string;
  /** The embedded fonts' data: URLs. */
  fonts: string[];
  /** CSS pixels. */
  width: number;
  height: number;
}

// Fonts fetched once per page: a second export reuses them.
const fontData = new Map<string, Promise<string>>();

function fontDataUrl(url: string): Promise<string> {
  let data = fontData.get(url);
  if (!data) {
    data = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
      return woff2DataUrl(new Uint8Array(await response.arrayBuffer()));
    });
    data.catch(() => fontData.delete(url));
    fontData.set(url, data);
  }
  return data;
}

export async function diagramSvgFile(
  props: DiagramProps,
  container: HTMLElement,
  width: number,
  theme: ExportTheme,
  title: string,
): Promise<DiagramFile> {
  const catalog = loadFontCatalog();
  const stage = await renderStage(props, container, width, theme);
  let collected;
  try {
    collected = collectDiagram(stage.diagram, title);
  } finally {
    stage.dispose();
  }
  const faces = facesFor(textRuns(collected.root), await catalog);
  const dataUrls = new Map(
    await Promise.all(faces.map(async (face) => [face.url, await fontDataUrl(face.url)] as const)),
  );
  const css = fontFaceCss(faces, dataUrls);
  collected.root.children.splice(1, 0, el('defs', {}, [el('style', { type: 'text/css' }, [css])]));
  return {
    text: serializeSvg(collected.root),
    fonts: [...dataUrls.values()],
    width: collected.width,
    height: collected.height,
  };
}
