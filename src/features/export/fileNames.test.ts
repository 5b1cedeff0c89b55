import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart } from './fileNames';

describe('exportFileName', () => {
  it('names the diagram after the lesson and step, the run after the lesson', () => {
    expect(exportFileName('svg', 'lost-syn', 3)).toBe('handshake-lab-lost-syn-step-3.svg');
    expect(exportFileName('png', 'lost-syn', 0)).toBe('handshake-lab-lost-syn-step-0.png');
    expect(exportFileName('trace', 'lost-syn', 3)).toBe('handshake-lab-lost-syn-trace.json');
    expect(exportFileName('markdown', 'custom', 9)).toBe('handshake-lab-custom-steps.md');
    expect(exportFileName('pcap', 'lost-syn', 3)).toBe('handshake-lab-lost-syn.pcap');
  });

  it('keeps file names safe whatever the lesson id', () => {
    expect(fileNamePart('../../etc/Passwd')).toBe('etc-passwd');
    expect(fileNamePart('  ')).toBe('custom');
    expect(exportFileName('svg', 'x', -1)).toBe('handshake-lab-x-step-0.svg');
  });
});
