// spawnWorker against a stand-in of a browser's Worker and fetch: as a page in a frame sandboxed
// without allow-same-origin sees them (a worker from a URL refused, one from a blob: URL allowed).
// e2e/holes.spec.ts runs the lab in such a frame in Chromium.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnWorker } from './spawn';

/** What a started stand-in worker was given, and a way to answer from it. */
class FakeWorker {
  static started: FakeWorker[] = [];
  /** Whether a worker from a URL (not blob:) is refused, as in an opaque origin. */
  static opaque = true;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly posted: unknown[] = [];
  terminated = false;
  script = '';
  private readonly listeners: ((event: MessageEvent) => void)[] = [];

  constructor(
    readonly url: string,
    readonly options?: WorkerOptions,
  ) {
    if (FakeWorker.opaque && !url.startsWith('blob:')) {
      throw new DOMException(
        `Failed to construct 'Worker': Script at '${url}' cannot be accessed from origin 'null'.`,
        'SecurityError',
      );
    }
    FakeWorker.started.push(this);
  }
  addEventListener(_type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.push(listener);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    const event = { data } as MessageEvent;
    for (const listener of this.listeners) listener(event);
    this.onmessage?.(event);
  }
}

class FakeErrorEvent {
  constructor(
    readonly type: string,
    readonly init: { message: string },
  ) {}
  get message(): string {
    return this.init.message;
  }
}

const URL_OF_BUNDLE = 'https://lab.example/assets/engine.worker-abc.js';
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  FakeWorker.started = [];
  FakeWorker.opaque = true;
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('ErrorEvent', FakeErrorEvent);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('spawnWorker', () => {
  it('starts a module worker from the URL where the page may', () => {
    FakeWorker.opaque = false;
    const worker = spawnWorker(URL_OF_BUNDLE);
    expect(worker).toBeInstanceOf(FakeWorker);
    expect(FakeWorker.started[0]?.options).toEqual({ type: 'module' });
  });

  it('in an opaque origin, starts a copy of the script; what was posted meanwhile arrives in order', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response('self.onmessage = () => {};'));
    });
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
      if (blob instanceof Blob) blobs.push(blob);
      return createObjectURL(blob);
    });
    const worker = spawnWorker(URL_OF_BUNDLE);
    const heard: unknown[] = [];
    worker.onmessage = (event) => heard.push(event.data);
    worker.postMessage({ id: 1 }, []);
    worker.postMessage({ id: 2 }, []);
    await settle();
    expect(fetched).toEqual([URL_OF_BUNDLE]);
    const copy = FakeWorker.started[0];
    expect(copy?.url).toMatch(/^blob:/);
    // The copy runs as a classic script, in strict mode as the module would.
    expect(await blobs[0]?.text()).toBe("'use strict';\nself.onmessage = () => {};");
    expect(copy?.posted).toEqual([{ id: 1 }, { id: 2 }]);
    worker.postMessage({ id: 3 }, []);
    await settle();
    expect(copy?.posted).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    copy?.answer('ready');
    expect(heard).toEqual(['ready']);
    worker.terminate();
    await settle();
    expect(copy?.terminated).toBe(true);
    // A worker started again (a run no longer wanted ends its worker) starts from the same copy.
    spawnWorker(URL_OF_BUNDLE).postMessage({ id: 4 }, []);
    await settle();
    expect(fetched).toHaveLength(1);
    expect(FakeWorker.started[1]?.url).toBe(copy?.url);
    expect(FakeWorker.started[1]?.posted).toEqual([{ id: 4 }]);
  });

  it('a copy that cannot be fetched fails once, saying what the embedding page must allow', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('no', { status: 404 })));
    const worker = spawnWorker('https://lab.example/assets/capture.worker-gone.js');
    const errors: string[] = [];
    worker.onerror = (event) => errors.push(event.message);
    worker.postMessage({ id: 1 }, []);
    worker.postMessage({ id: 2 }, []);
    await settle();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/HTTP 404.*sandbox="allow-scripts allow-same-origin"/);
    expect(FakeWorker.started).toEqual([]);
  });

  it('lets any other failure through', () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new TypeError('not a URL');
        }
      },
    );
    expect(() => spawnWorker('::')).toThrow(TypeError);
  });
});
