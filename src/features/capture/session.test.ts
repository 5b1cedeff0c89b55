// A widget's capture session: reading a file, drawing a connection into the lab store, and errors
// that leave the lesson shown; over a stand-in capture client where a test needs to hold answers
// back, and over the capture worker's own service for a real file.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  createCaptureService,
  type CaptureRunResult,
  type CaptureService,
  type OpenedCapture,
} from '../../worker/captureService';
import { connect } from '../../worker/rpc';
import { testDataPath } from '../../testing/data';
import { InProcessWorker } from '../../testing/inProcessWorker';
import { openedLab } from '../../testing/labDriver';
import {
  connectionSummary as connection,
  openedCapture as opened,
} from '../../testing/workerMessages';
import { runWithCauses } from '../../lab/run';
import { CAPTURE_LESSON_ID } from '../../lab/types';
import {
  connectionLabel,
  createCaptureSession,
  endpointLabel,
  type CaptureClient,
} from './session';
import { closingScenario } from '../../testing/scenarios';

const lesson = closingScenario();

const runResult: CaptureRunResult = {
  run: runWithCauses({ ...lesson, client: { port: 40000 } }),
  notes: [
    {
      code: 'started-before-capture',
      message: 'started before the capture',
      params: { assumed: 'ESTABLISHED' },
    },
  ],
  inferredTimes: true,
};

/** A stand-in for the capture worker's client. */
function fakeClient(answers: {
  open?: (
    bytes: ArrayBuffer,
    progress?: (done: number, total: number) => void,
  ) => Promise<OpenedCapture>;
  connection?: () => Promise<CaptureRunResult>;
}) {
  const client = {
    opened: [] as ArrayBuffer[],
    asked: [] as [number, number][],
    disposed: 0,
    open: vi.fn((bytes: ArrayBuffer, progress?: (done: number, total: number) => void) => {
      client.opened.push(bytes);
      return answers.open ? answers.open(bytes, progress) : Promise.reject(new Error('no'));
    }),
    connection: vi.fn((captureId: number, id: number) => {
      client.asked.push([captureId, id]);
      return answers.connection ? answers.connection() : Promise.resolve(runResult);
    }),
    dispose: vi.fn(() => {
      client.disposed++;
    }),
  };
  return client;
}

const file = (name: string, bytes = [1, 2, 3, 4]) => new File([new Uint8Array(bytes)], name);

describe('capture session', () => {
  const labFixture = openedLab({ lessons: { basic: lesson } });

  it('reads a real file in the capture worker, the file transferred, and draws its connection', async () => {
    const { store: lab } = labFixture();
    const worker = new InProcessWorker(createCaptureService());
    const client = connect<CaptureService>(worker, 'capture');
    const posted = vi.spyOn(worker, 'postMessage');
    const progress: unknown[] = [];
    const session = createCaptureSession(lab, () => client);
    session.subscribe((state) => progress.push(state.progress));
    const bytes = readFileSync(testDataPath('kernel', 'captures', 'normal-client-close.pcap'));
    await session.getState().openFile(new File([bytes], 'normal.pcap'));
    // Transferred, not copied: the page's copy of the bytes is detached.
    const [moved] = posted.mock.calls[0]?.[1] ?? [];
    expect(moved).toBeInstanceOf(ArrayBuffer);
    expect((moved as ArrayBuffer).byteLength).toBe(0);
    expect(progress).toContainEqual({ done: bytes.byteLength, total: bytes.byteLength });
    expect(session.getState().opened?.connections).toHaveLength(1);
    const shown = lab.getState();
    expect(shown.lessonId).toBe(CAPTURE_LESSON_ID);
    expect(shown.capture?.label).toBe('normal.pcap · 127.0.0.1:40000 → 127.0.0.1:8080');
    expect(shown.run?.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' });
    session.getState().close();
    expect(worker.terminated).toBe(true);
  });

  it('reads a file with progress, lists its connections and draws the one picked', async () => {
    const { store: lab } = labFixture();
    const seen: unknown[] = [];
    const client = fakeClient({
      open: (_bytes, progress) => {
        progress?.(2, 4);
        seen.push(session.getState().progress);
        return Promise.resolve(opened([connection(0), connection(1)]));
      },
    });
    const session = createCaptureSession(lab, () => client as unknown as CaptureClient);
    const reading = session.getState().openFile(file('two.pcap'));
    expect(session.getState().phase).toBe('reading');
    expect(session.getState().fileName).toBe('two.pcap');
    await reading;
    expect(seen).toEqual([{ done: 2, total: 4 }]);
    expect(client.opened[0]?.byteLength).toBe(4);
    const state = session.getState();
    expect(state.phase).toBe('open');
    expect(state.progress).toBeNull();
    expect(state.opened?.connections).toHaveLength(2);
    // Two connections: nothing is drawn until one is picked.
    expect(lab.getState().capture).toBeNull();

    const drawing = session.getState().draw(1);
    await session.getState().draw(1);
    await drawing;
    expect(client.asked).toEqual([[1, 1]]);
    const shown = lab.getState();
    expect(shown.lessonId).toBe(CAPTURE_LESSON_ID);
    expect(shown.run).toBe(runResult.run);
    expect(shown.capture).toEqual({
      label: 'two.pcap · 127.0.0.1:40001 → 127.0.0.1:8080',
      endpoints: { client: '127.0.0.1:40001', server: '127.0.0.1:8080' },
      notes: runResult.notes,
      inferredTimes: true,
    });
    expect(session.getState().drawn).toBe(1);
    // Clicked again while shown: the step stays.
    lab.getState().goTo(2);
    await session.getState().draw(1);
    expect(client.asked).toHaveLength(1);
    expect(lab.getState().step).toBe(2);
    // Drawn again once a lesson was shown in between.
    lab.getState().setLesson('basic');
    await session.getState().draw(1);
    expect(client.asked).toHaveLength(2);
    expect(lab.getState().lessonId).toBe(CAPTURE_LESSON_ID);
  });

  it('draws the only connection of a file at once', async () => {
    const { store: lab } = labFixture();
    const client = fakeClient({ open: () => Promise.resolve(opened([connection(0)])) });
    const session = createCaptureSession(lab, () => client as unknown as CaptureClient);
    await session.getState().openFile(file('one.pcap'));
    expect(client.asked).toEqual([[1, 0]]);
    expect(lab.getState().lessonId).toBe(CAPTURE_LESSON_ID);
  });

  it('reports a file that cannot be read, with its name, and keeps the lesson', async () => {
    const { store: lab } = labFixture();
    const client = fakeClient({
      open: () => Promise.reject(new Error('not a pcap or pcapng file at byte 0')),
    });
    const session = createCaptureSession(lab, () => client as unknown as CaptureClient);
    const before = lab.getState().run;
    await session.getState().openFile(file('notes.txt'));
    expect(lab.getState().error).toEqual({
      kind: 'file',
      message: 'notes.txt: not a pcap or pcapng file at byte 0',
    });
    expect(lab.getState().run).toBe(before);
    expect(lab.getState().lessonId).toBe('basic');
    expect(session.getState().phase).toBe('idle');
    // The next file gets a fresh worker.
    expect(client.disposed).toBe(1);
  });

  it('ignores a file that a newer one replaced, and stops the worker when closed', async () => {
    const { store: lab } = labFixture();
    let finishFirst: (value: OpenedCapture) => void = () => {};
    let calls = 0;
    const client = fakeClient({
      open: () => {
        calls++;
        if (calls === 1) return new Promise((resolve) => (finishFirst = resolve));
        return Promise.resolve(opened([connection(0), connection(5)]));
      },
    });
    const session = createCaptureSession(lab, () => client as unknown as CaptureClient);
    const first = session.getState().openFile(file('old.pcap'));
    await vi.waitFor(() => expect(calls).toBe(1));
    await session.getState().openFile(file('new.pcap'));
    finishFirst(opened([connection(9)]));
    await first;
    expect(session.getState().fileName).toBe('new.pcap');
    expect(session.getState().opened?.connections.map((c) => c.id)).toEqual([0, 5]);
    session.getState().close();
    expect(client.disposed).toBe(1);
    expect(session.getState().phase).toBe('idle');
  });
});

describe('cancelling a file being read', () => {
  const labFixture = openedLab({ lessons: { basic: lesson } });

  it('terminates its worker at once, goes back to idle saying so, and keeps the lesson', async () => {
    const { store: lab, driver } = labFixture();
    const workers: InProcessWorker[] = [];
    const session = createCaptureSession(lab, () => {
      // The first file's parse never ends (as one of minutes would not); the next one's does.
      const service = {
        open: (_bytes: ArrayBuffer, progress?: (done: number, total: number) => void) => {
          progress?.(1, 4);
          return workers.length === 1
            ? new Promise<OpenedCapture>(() => {})
            : opened([connection(0), connection(1)]);
        },
        connection: () => runResult,
      };
      const worker = new InProcessWorker(service);
      workers.push(worker);
      return connect<CaptureService>(worker, 'capture');
    });
    const before = lab.getState().run;
    const reading = session.getState().openFile(file('huge.pcapng'));
    await vi.waitFor(() => expect(session.getState().progress).toEqual({ done: 1, total: 4 }));
    expect(session.getState().phase).toBe('parsing');

    session.getState().cancel();
    expect(workers[0]?.terminated).toBe(true);
    expect(session.getState()).toMatchObject({
      phase: 'idle',
      progress: null,
      opened: null,
      cancelled: 'huge.pcapng',
    });
    // The terminated worker's call fails, and nobody hears of it.
    await reading;
    expect(session.getState().phase).toBe('idle');
    // The lesson shown before is still shown, without an error, and steps.
    expect(lab.getState().run).toBe(before);
    expect(lab.getState().lessonId).toBe('basic');
    expect(lab.getState().error).toBeNull();
    const step = lab.getState().step;
    expect(driver.step(lab)).toBe(step + 1);

    // The next file gets a worker of its own, and the line goes.
    await session.getState().openFile(file('small.pcap'));
    expect(workers).toHaveLength(2);
    expect(session.getState()).toMatchObject({ phase: 'open', cancelled: null });
    expect(session.getState().opened?.connections).toHaveLength(2);
    // Nothing to cancel once the file is open.
    session.getState().cancel();
    expect(workers[1]?.terminated).toBe(false);
    expect(session.getState().phase).toBe('open');
    session.getState().close();
  });

  it('cancels while the page still loads the file, before any worker', async () => {
    const { store: lab } = labFixture();
    const makeClient = vi.fn(() => fakeClient({}) as unknown as CaptureClient);
    const session = createCaptureSession(lab, makeClient);
    const reading = session.getState().openFile(file('slow.pcap'));
    expect(session.getState().phase).toBe('reading');
    session.getState().cancel();
    await reading;
    expect(makeClient).not.toHaveBeenCalled();
    expect(session.getState()).toMatchObject({ phase: 'idle', cancelled: 'slow.pcap' });
    expect(lab.getState().error).toBeNull();
  });

  it('does not ask the worker to draw a connection whose times cannot be told apart', async () => {
    const { store: lab } = labFixture();
    const client = fakeClient({
      open: () => Promise.resolve(opened([connection(0, { times: 'unusable' })])),
    });
    const session = createCaptureSession(lab, () => client as unknown as CaptureClient);
    await session.getState().openFile(file('offset.pcapng'));
    await session.getState().draw(0);
    expect(client.asked).toEqual([]);
    expect(lab.getState().lessonId).toBe('basic');
  });
});

describe('labels', () => {
  it('writes IPv6 endpoints in brackets', () => {
    expect(endpointLabel({ address: '::1', port: 80 })).toBe('[::1]:80');
    expect(endpointLabel({ address: '10.0.0.1', port: 80 })).toBe('10.0.0.1:80');
    expect(connectionLabel(connection(0, { server: { address: '2001:db8::2', port: 443 } }))).toBe(
      '127.0.0.1:40000 → [2001:db8::2]:443',
    );
  });
});
