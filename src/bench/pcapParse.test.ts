import { describe, expect, it } from 'vitest';
import { parseCapture } from '../capture/parse';
import { benchCapture, isPcapParseLine, pcapParseLine } from './pcapParse';

describe('the capture reader bench', () => {
  it('prints its figure as a `name: value` summary line', () => {
    const line = pcapParseLine(312.6);
    expect(line).toBe('pcap-parse-mb-per-second: 313');
    expect(isPcapParseLine(line)).toBe(true);
    expect(isPcapParseLine('pcap parse: 50.0 MB, 122,377 packets')).toBe(false);
  });

  it('builds a capture of many connections from the fixtures, read without a warning', () => {
    const { bytes, tcpSegments } = benchCapture(1024 * 1024);
    expect(bytes.length).toBeGreaterThanOrEqual(1024 * 1024);
    const file = parseCapture(bytes);
    expect(file.warnings).toEqual([]);
    expect(file.segments).toHaveLength(tcpSegments);
    const syns = file.segments.filter((segment) => segment.flags.join() === 'SYN');
    const clientPorts = new Set(syns.map((segment) => segment.srcPort));
    // Every round has the fixtures' SYNs from one client port of its own.
    expect(clientPorts.size).toBeGreaterThan(10);
    const times = file.segments.map((segment) => segment.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(10_000);
  });
});
