import { describe, expect, it, vi } from 'vitest';
import { CaptureClient, type CaptureWorkerLike } from './captureClient';
import type { CaptureRequest } from './captureProtocol';
import { connectionSummary, openedCapture, synEvent as syn } from '../testing/workerMessages';

class FakeWorker implements CaptureWorkerLike {
  onmessage: CaptureWorkerLike['onmessage'] = null;
  onmessageerror: CaptureWorkerLike['onmessageerror'] = null;
  onerror: CaptureWorkerLike['onerror'] = null;
  sent: { message: CaptureRequest; transfer: Transferable[] }[] = [];
  terminated = false;

  postMessage(message: CaptureRequest, transfer: Transferable[]): void {
    this.sent.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

const connection = connectionSummary(0);

function opened(requestId: number) {
  return {
    type: 'capture-opened',
    requestId,
    ...openedCapture([connection], { captureId: requestId }),
  } as const;
}

function setup() {
  const worker = new FakeWorker();
  const onMalformed = vi.fn();
  const client = new CaptureClient(worker, onMalformed);
  return { worker, client, onMalformed };
}

describe('CaptureClient', () => {
  it('transfers the file, reports progress and resolves with the connections', async () => {
    const { worker, client } = setup();
    const bytes = new ArrayBuffer(16);
    const progress = vi.fn();
    const answer = client.open(bytes, progress);
    expect(worker.sent).toHaveLength(1);
    const [{ message, transfer }] = worker.sent as [(typeof worker.sent)[number]];
    expect(message).toEqual({ type: 'capture-open', requestId: 1, bytes });
    // Transferred, not copied: the buffer is in the transfer list.
    expect(transfer).toEqual([bytes]);
    worker.reply({ type: 'capture-progress', requestId: 1, done: 0, total: 16 });
    worker.reply({ type: 'capture-progress', requestId: 1, done: 16, total: 16 });
    worker.reply(opened(1));
    const result = await answer;
    expect(progress.mock.calls).toEqual([
      [0, 16],
      [16, 16],
    ]);
    expect(result.captureId).toBe(1);
    expect(result.connections).toEqual([connection]);
    expect(result).not.toHaveProperty('type');
  });

  it("rejects with the reader's message for a file that is not a capture", async () => {
    const { worker, client } = setup();
    const answer = client.open(new ArrayBuffer(4));
    worker.reply({
      type: 'error',
      requestId: 1,
      message: 'not a pcap or pcapng file at byte 0',
    });
    await expect(answer).rejects.toThrow('not a pcap or pcapng file at byte 0');
  });

  it('asks for a connection by id and resolves with its run, notes and inferred flag', async () => {
    const { worker, client } = setup();
    const answer = client.connection(7, 3);
    expect(worker.sent[0]?.message).toEqual({
      type: 'capture-connection',
      requestId: 1,
      captureId: 7,
      connection: 3,
    });
    expect(worker.sent[0]?.transfer).toEqual([]);
    worker.reply({
      type: 'capture-run',
      requestId: 1,
      captureId: 7,
      connection: 3,
      scenario: { actions: [] },
      events: [syn],
      causeStarts: [0],
      final: { client: 'SYN_SENT', server: 'LISTEN' },
      notes: [{ code: 'cut', message: 'the capture ends first', params: {} }],
      inferredTimes: true,
    });
    await expect(answer).resolves.toEqual({
      run: {
        scenario: { actions: [] },
        events: [syn],
        causeStarts: [0],
        final: { client: 'SYN_SENT', server: 'LISTEN' },
      },
      notes: [{ code: 'cut', message: 'the capture ends first', params: {} }],
      inferredTimes: true,
    });
  });

  it('ignores malformed messages, answers of the wrong kind and unknown ids', async () => {
    const { worker, client, onMalformed } = setup();
    const answer = client.open(new ArrayBuffer(4));
    worker.reply({ type: 'capture-progress', requestId: 1, done: 9, total: 4 });
    worker.reply({ type: 'done', requestId: 1 });
    worker.reply(opened(5));
    worker.reply({ ...opened(1), type: 'capture-run' });
    expect(onMalformed).toHaveBeenCalledTimes(4);
    worker.reply(opened(1));
    await expect(answer).resolves.toMatchObject({ captureId: 1 });
  });

  it('rejects what is pending when the worker fails or the client is disposed', async () => {
    const { worker, client } = setup();
    const first = client.open(new ArrayBuffer(4));
    worker.onerror?.({ message: 'script failed' } as ErrorEvent);
    await expect(first).rejects.toThrow('capture worker failed: script failed');
    const second = client.connection(1, 0);
    client.dispose();
    await expect(second).rejects.toThrow('disposed');
    expect(worker.terminated).toBe(true);
    await expect(client.open(new ArrayBuffer(1))).rejects.toThrow('disposed');
  });
});
