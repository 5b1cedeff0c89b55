import { describe, expect, it, vi } from 'vitest';
import type { TraceEvent } from '../engine/types';
import { EngineClient, type WorkerLike } from './client';
import type { WorkerRequest, WorkerResponse } from './protocol';

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  onerror: WorkerLike['onerror'] = null;
  sent: WorkerRequest[] = [];
  terminated = false;

  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Delivers a message from the "worker" to the client. */
  reply(data: WorkerResponse | unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

const listen: TraceEvent = { t: 0, type: 'state', who: 'server', from: 'CLOSED', to: 'LISTEN' };
const final = { client: 'CLOSED', server: 'LISTEN' } as const;
const scenario = { actions: [] };
/** A `done` answer for `eventCount` events, one cause each. */
function done(requestId: number, eventCount: number) {
  const causeStarts = Array.from({ length: eventCount }, (_, i) => i);
  return { type: 'done', requestId, final, eventCount, causeStarts, scenario } as const;
}

function setup() {
  const worker = new FakeWorker();
  const onMalformed = vi.fn();
  const client = new EngineClient(worker, { onMalformed });
  return { worker, client, onMalformed };
}

describe('EngineClient', () => {
  it('sends the raw scenario and assembles the batches into a trace', async () => {
    const { worker, client } = setup();
    const onEvents = vi.fn();
    const trace = client.run({ actions: [] }, onEvents);
    expect(worker.sent).toEqual([{ type: 'run', requestId: 1, scenario: { actions: [] } }]);
    worker.reply({ type: 'events', requestId: 1, events: [listen] });
    worker.reply({ type: 'events', requestId: 1, events: [listen] });
    worker.reply(done(1, 2));
    await expect(trace).resolves.toEqual({
      scenario,
      events: [listen, listen],
      causeStarts: [0, 1],
      final,
    });
    expect(onEvents).toHaveBeenCalledTimes(2);
  });

  it('keeps concurrent runs apart by request id', async () => {
    const { worker, client } = setup();
    const first = client.run('a');
    const second = client.run('b');
    worker.reply({ type: 'error', requestId: 2, message: 'actions: required' });
    worker.reply(done(1, 0));
    await expect(first).resolves.toEqual({ scenario, events: [], causeStarts: [], final });
    await expect(second).rejects.toThrow('actions: required');
  });

  it('rejects a trace that lost events', async () => {
    const { worker, client } = setup();
    const trace = client.run({});
    worker.reply(done(1, 3));
    await expect(trace).rejects.toThrow('sent 0 of 3 events');
  });

  it('reports and ignores malformed or stray messages', async () => {
    const { worker, client, onMalformed } = setup();
    const trace = client.run({});
    worker.reply({ type: 'events', requestId: 1, events: 'nope' });
    worker.reply(null);
    worker.reply(done(99, 0));
    worker.reply({ type: 'error', requestId: null, message: 'malformed request' });
    expect(onMalformed.mock.calls.map((call) => call[0])).toEqual([
      'malformed message',
      'malformed message',
      'unknown request',
      'malformed request',
    ]);
    worker.reply(done(1, 0));
    await expect(trace).resolves.toMatchObject({ events: [], final });
  });

  it('sends a lab request and resolves with the scenario the worker built', async () => {
    const { worker, client } = setup();
    const options = {
      lossPercent: 0,
      seed: 1,
      dropFinalAck: true,
      reusePort: false,
      extraFaults: [],
    };
    const run = client.lab({ actions: [] }, options);
    expect(worker.sent).toEqual([{ type: 'lab', requestId: 1, lesson: { actions: [] }, options }]);
    const built = { actions: [], seed: 1 };
    worker.reply({ type: 'events', requestId: 1, events: [listen] });
    worker.reply({ ...done(1, 1), scenario: built });
    await expect(run).resolves.toEqual({
      scenario: built,
      events: [listen],
      causeStarts: [0],
      final,
    });
  });

  it('fails pending runs when the worker fails', async () => {
    const { worker, client } = setup();
    const trace = client.run({});
    // Node 20 has no ErrorEvent; the client reads only its message.
    worker.onerror?.({ message: 'SyntaxError' } as ErrorEvent);
    await expect(trace).rejects.toThrow('engine worker failed: SyntaxError');
  });

  it('terminates the worker and rejects pending and later runs on dispose', async () => {
    const { worker, client } = setup();
    const trace = client.run({});
    client.dispose();
    expect(worker.terminated).toBe(true);
    await expect(trace).rejects.toThrow('disposed');
    await expect(client.run({})).rejects.toThrow('disposed');
  });
});
