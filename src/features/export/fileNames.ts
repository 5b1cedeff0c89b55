// Names of exported files: handshake-lab-<lesson>-step-<n>.svg / .png for the diagram at a step,
// handshake-lab-<lesson>-trace.json, handshake-lab-<lesson>-steps.md and
// handshake-lab-<lesson>.pcap for the whole run. Pure.

export type ExportKind = 'svg' | 'png' | 'trace' | 'markdown' | 'pcap';

/** A lesson id as a safe part of a file name (letters, digits, dashes). */
export function fileNamePart(text: string): string {
  const safe = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe || 'custom';
}

export function exportFileName(kind: ExportKind, lessonId: string, step: number): string {
  const base = `handshake-lab-${fileNamePart(lessonId)}`;
  const n = Number.isInteger(step) && step >= 0 ? step : 0;
  switch (kind) {
    case 'svg':
      return `${base}-step-${n}.svg`;
    case 'png':
      return `${base}-step-${n}.png`;
    case 'trace':
      return `${base}-trace.json`;
    case 'markdown':
      return `${base}-steps.md`;
    case 'pcap':
      // The run's segments as a capture file (src/core/capture/writePcap.ts).
      return `${base}.pcap`;
  }
}

export const MIME_TYPES: Readonly<Record<ExportKind, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  trace: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
  // The IANA-registered media type of a classic pcap file.
  pcap: 'application/vnd.tcpdump.pcap',
};
