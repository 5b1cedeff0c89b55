// An SVG file drawn to a PNG at a fixed scale (2×, whatever the screen's devicePixelRatio): the SVG
// is loaded as an image and drawn onto a canvas of its size times the scale.
//
// Its fonts are data: URLs inside it, which an image may use, but an image draws text whose font is
// still being decoded as nothing at all (Chinese subsets take long enough for that to happen). So
// the fonts are loaded first in the page (FontFace.load, the same data: URLs: the image then finds
// them decoded), and the image is drawn only once two draws a moment apart agree.

export const PNG_SCALE = 2;

/** How long to keep redrawing until the picture stops changing (the fonts are in). */
const SETTLE_TIMEOUT_MS = 3000;
const SETTLE_STEP_MS = 120;

export function pngSize(width: number, height: number, scale = PNG_SCALE) {
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads (decodes) each font; failures are left to the drawing's own fallback fonts. */
async function preloadFonts(fonts: readonly string[]): Promise<void> {
  if (typeof FontFace === 'undefined') return;
  await Promise.all(
    fonts.map((url) =>
      new FontFace('handshake-lab-export-preload', `url("${url}")`).load().catch(() => null),
    ),
  );
}

/** A cheap fingerprint of what the canvas shows. */
function fingerprint(context: CanvasRenderingContext2D, width: number, height: number): number {
  const data = context.getImageData(0, 0, width, height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 16) hash = (hash * 31 + (data[i] ?? 0)) | 0;
  return hash;
}

export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  fonts: readonly string[] = [],
  scale = PNG_SCALE,
): Promise<Blob> {
  const size = pngSize(width, height, scale);
  await preloadFonts(fonts);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(size.width, size.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    const draw = () => {
      context.clearRect(0, 0, size.width, size.height);
      context.drawImage(image, 0, 0, size.width, size.height);
      return fingerprint(context, size.width, size.height);
    };
    let last = draw();
    for (let waited = 0; waited < SETTLE_TIMEOUT_MS; waited += SETTLE_STEP_MS) {
      await wait(SETTLE_STEP_MS);
      const next = draw();
      if (next === last) break;
      last = next;
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
