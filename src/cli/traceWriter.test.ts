import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/types';
import { TraceWriter } from './traceWriter';

function event(t: number): TraceEvent {
  return { t, type: 'app', who: 'client', call: 'connect', result: 'ok' };
}

function collect(count: number, chunkSize?: number): string[] {
  const chunks: string[] = [];
  const writer = new TraceWriter((text) => chunks.push(text), chunkSize);
  for (let t = 0; t < count; t += 1) writer.event(event(t));
  writer.end({ listener: 'LISTEN', server: 'CLOSED', client: 'TIME_WAIT' });
  return chunks;
}

describe('TraceWriter', () => {
  it('writes the contract shape, one event per line', () => {
    const text = collect(2).join('');
    expect(text).toBe(
      '{"events":[\n' +
        '{"t":0,"type":"app","who":"client","call":"connect","result":"ok"},\n' +
        '{"t":1,"type":"app","who":"client","call":"connect","result":"ok"}\n' +
        '],"final":{"client":"TIME_WAIT","server":"CLOSED","listener":"LISTEN"}}\n',
    );
  });

  it('writes valid JSON for a run without events', () => {
    const text = collect(0).join('');
    expect(JSON.parse(text)).toEqual({
      events: [],
      final: { client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' },
    });
  });

  it('hands over chunks of about the chunk size that together parse as the whole trace', () => {
    const chunks = collect(5000, 4096);
    expect(chunks.length).toBeGreaterThan(10);
    const line = JSON.stringify(event(4999)).length + 2;
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(4096 + line);
    const trace = JSON.parse(chunks.join('')) as { events: TraceEvent[] };
    expect(trace.events.map((e) => e.t)).toEqual(Array.from({ length: 5000 }, (_, t) => t));
  });

  it('cut short, writes the events so far, one per line, and no final', () => {
    const chunks: string[] = [];
    const writer = new TraceWriter((text) => chunks.push(text));
    writer.event(event(0));
    writer.event(event(1));
    writer.cut();
    expect(chunks.join('')).toBe(
      '{"events":[\n' +
        '{"t":0,"type":"app","who":"client","call":"connect","result":"ok"},\n' +
        '{"t":1,"type":"app","who":"client","call":"connect","result":"ok"}\n',
    );
  });

  it('writes nothing until the first event, so a run that fails at once prints nothing', () => {
    const chunks: string[] = [];
    new TraceWriter((text) => chunks.push(text));
    expect(chunks).toEqual([]);
  });
});
