// The worker RPC over a real MessageChannel (a worker without the thread: src/testing/
// inProcessWorker.ts): messages are cloned and transferred as between a page and its worker.
import fc from 'fast-check';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { InProcessWorker } from '../testing/inProcessWorker';
import { connect, PART_LENGTH, serve, transfer, type Client, type ServeOptions } from './rpc';

/** At least 1,000; PROPERTY_RUNS=50000 npx vitest run … searches deeper. */
const NUM_RUNS = Math.max(1000, Number(process.env.PROPERTY_RUNS ?? 0) || 0);

/** A run-like result: `length` events in order, their cause starts, and small fields around them. */
function longResult(length: number) {
  return {
    scenario: { title: 'long', actions: [{ at: 0, who: 'server', do: 'listen' }] },
    events: Array.from({ length }, (_, i) => ({ t: i / 2, id: i, flags: ['ACK'], why: { n: i } })),
    causeStarts: Array.from({ length: Math.ceil(length / 2) }, (_, i) => 2 * i),
    final: { client: 'CLOSED', server: 'CLOSED' },
  };
}

/** A service with one of each kind of method the workers have. */
function testService() {
  const waiting = new Map<string, (value: string) => void>();
  return {
    add(a: number, b: number): number {
      return a + b;
    },
    /** Answers when `release(key)` is called: calls then finish in the order the test picks. */
    later(key: string): Promise<string> {
      return new Promise((resolve) => waiting.set(key, resolve));
    },
    release(key: string, value: string): void {
      waiting.get(key)?.(value);
    },
    fail(message: string): never {
      throw new Error(message);
    },
    async failLater(message: string): Promise<never> {
      await Promise.resolve();
      throw new Error(message);
    },
    throwString(): never {
      throw 'not an Error';
    },
    count(to: number, onCount: (n: number, of: number) => void): string {
      for (let n = 1; n <= to; n++) onCount(n, to);
      return `counted to ${to}`;
    },
    sizeOf(bytes: ArrayBuffer): number {
      return new Uint8Array(bytes).reduce((sum, byte) => sum + byte, 0) + bytes.byteLength * 1000;
    },
    unclonable(): () => void {
      return () => {};
    },
    long: longResult,
    echo<T>(value: T): T {
      return value;
    },
    /** A long array whose element `at` cannot be cloned: its part fails after those before. */
    unclonableAt(length: number, at: number): unknown[] {
      return Array.from({ length }, (_, i) => (i === at ? () => {} : i));
    },
  };
}

type TestService = ReturnType<typeof testService>;

let worker: InProcessWorker;
let client: Client<TestService>;

function start(options?: ServeOptions): Client<TestService> {
  worker = new InProcessWorker(testService(), options);
  client = connect<TestService>(worker, 'test');
  return client;
}

afterEach(() => client.dispose());

describe('the worker RPC', () => {
  it('calls a method in the worker and answers with a promise of its result', async () => {
    const remote = start();
    expectTypeOf(remote.add).toEqualTypeOf<(a: number, b: number) => Promise<number>>();
    expectTypeOf(remote.later).toEqualTypeOf<(key: string) => Promise<string>>();
    await expect(remote.add(2, 3)).resolves.toBe(5);
  });

  it('keeps concurrent calls apart, whatever order they finish in', async () => {
    const remote = start();
    const first = remote.later('a');
    const second = remote.later('b');
    const third = remote.add(1, 1);
    await remote.release('b', 'second');
    await expect(second).resolves.toBe('second');
    await expect(third).resolves.toBe(2);
    await remote.release('a', 'first');
    await expect(first).resolves.toBe('first');
  });

  it("rejects with the method's own message, thrown or rejected", async () => {
    const remote = start();
    await expect(remote.fail('seed: must be an integer')).rejects.toThrow(
      /^seed: must be an integer$/,
    );
    await expect(remote.failLater('engine failed: boom')).rejects.toThrow(/^engine failed: boom$/);
    await expect(remote.throwString()).rejects.toThrow(/^not an Error$/);
    // The worker goes on answering after an error.
    await expect(remote.add(1, 2)).resolves.toBe(3);
  });

  it('refuses a method the service does not have, and does not look like a promise', async () => {
    const remote = start();
    const unknown = (remote as unknown as Record<string, () => Promise<unknown>>).toString;
    await expect(unknown?.()).rejects.toThrow('no method "toString"');
    expect((remote as unknown as { then?: unknown }).then).toBeUndefined();
    const resolved = await Promise.resolve(remote);
    expect(resolved).toBe(remote);
  });

  it('calls back a function argument (progress) before the result arrives', async () => {
    const remote = start();
    const heard: [number, number][] = [];
    const result = await remote.count(3, (n, of) => heard.push([n, of]));
    expect(result).toBe('counted to 3');
    expect(heard).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('keeps the callbacks of concurrent calls apart', async () => {
    const remote = start();
    const a: number[] = [];
    const b: number[] = [];
    await Promise.all([remote.count(2, (n) => a.push(n)), remote.count(3, (n) => b.push(n))]);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2, 3]);
  });

  it('transfers a marked ArrayBuffer (detached on the page) and copies an unmarked one', async () => {
    const remote = start();
    const copied = new Uint8Array([1, 2, 3]).buffer;
    await expect(remote.sizeOf(copied)).resolves.toBe(3006);
    expect(copied.byteLength).toBe(3);
    const moved = new Uint8Array([1, 2, 3, 4]).buffer;
    const answer = remote.sizeOf(transfer(moved, [moved]));
    expect(moved.byteLength).toBe(0);
    await expect(answer).resolves.toBe(4010);
  });

  it('fails the one call whose arguments or result cannot be cloned', async () => {
    const remote = start();
    const symbol = Symbol('not cloneable') as unknown as number;
    await expect(remote.add(symbol, 1)).rejects.toThrow();
    await expect(remote.unclonable()).rejects.toThrow(/could not be cloned/);
    await expect(remote.add(1, 1)).resolves.toBe(2);
  });

  it('on dispose, terminates the worker and rejects pending and later calls', async () => {
    const remote = start();
    const pending = remote.later('never');
    remote.dispose();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow('test client is disposed');
    await expect(remote.add(1, 2)).rejects.toThrow('test client is disposed');
    remote.dispose();
  });

  it('rejects everything pending when the worker fails, and answers again after', async () => {
    const remote = start();
    const first = remote.later('x');
    const second = remote.later('y');
    // Node has no ErrorEvent; the client reads only its message.
    worker.onerror?.({ message: 'SyntaxError: bad token' } as ErrorEvent);
    await expect(first).rejects.toThrow('test worker failed: SyntaxError: bad token');
    await expect(second).rejects.toThrow('test worker failed: SyntaxError: bad token');
    const silent = remote.later('z');
    worker.onerror?.({ message: '' } as ErrorEvent);
    await expect(silent).rejects.toThrow('test worker failed: it could not be started');
    // The answers that still come for the failed calls are ignored.
    await remote.release('x', 'late');
    await expect(remote.add(2, 2)).resolves.toBe(4);
  });

  it('rejects everything pending when a message cannot be read, on either side', async () => {
    const remote = start();
    const first = remote.later('x');
    worker.onmessageerror?.({} as MessageEvent);
    const unreadable = 'test worker: a message could not be read';
    await expect(first).rejects.toThrow(unreadable);
    const second = remote.later('y');
    worker.scope.onmessageerror?.({} as MessageEvent);
    await expect(second).rejects.toThrow(unreadable);
  });
});

describe('a result with a long array', () => {
  /** Messages from the worker that reach the page while `work` runs. */
  async function messagesOf<T>(work: () => Promise<T>): Promise<{ value: T; messages: number }> {
    const before = worker.received;
    const value = await work();
    return { value, messages: worker.received - before };
  }

  /** Holds the worker's messages back until `count` of them have come. */
  async function heldUntil(count: number): Promise<void> {
    await vi.waitFor(() => expect(worker.held).toHaveLength(count));
  }

  it('comes in parts of PART_LENGTH elements, put back together equal and in order', async () => {
    const remote = start();
    expectTypeOf(remote.long).toEqualTypeOf<
      (length: number) => Promise<ReturnType<typeof longResult>>
    >();
    const { value, messages } = await messagesOf(() => remote.long(100_000));
    expect(value).toEqual(longResult(100_000));
    // The head, 50 parts of events and 25 of cause starts.
    expect(messages).toBe(1 + 100_000 / PART_LENGTH + 50_000 / PART_LENGTH);
  });

  it('that is short, or a small result, comes whole in one message as before', async () => {
    const remote = start();
    await expect(messagesOf(() => remote.add(1, 2))).resolves.toEqual({ value: 3, messages: 1 });
    const atTheLimit = Array.from({ length: PART_LENGTH }, (_, i) => i);
    await expect(messagesOf(() => remote.echo(atTheLimit))).resolves.toEqual({
      value: atTheLimit,
      messages: 1,
    });
  });

  it('at the top or reached twice, comes back as the structured clone gives it', async () => {
    const remote = start({ partLength: 3 });
    const shared = [1, 2, 3, 4, 5];
    const value = { a: shared, b: [shared], c: { d: shared } };
    const twice = (await remote.echo(value)) as typeof value;
    expect(twice).toEqual(value);
    expect(twice.b[0]).toBe(twice.a);
    expect(twice.c.d).toBe(twice.a);
    await expect(remote.echo(shared)).resolves.toEqual(shared);
  });

  it('in a cycle, comes back without the walk looping', async () => {
    const remote = start({ partLength: 3 });
    const loop: { list: number[]; self?: unknown } = { list: [1, 2, 3, 4, 5] };
    loop.self = loop;
    const back = (await remote.echo(loop)) as typeof loop;
    expect(back.list).toEqual([1, 2, 3, 4, 5]);
    expect(back.self).toEqual(loop);
  });

  it('reassembles exactly, whatever the arrays and the part length (property)', async () => {
    const leaf = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 3 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const { node } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { maxDepth: 3, depthIdentifier: 'node' },
        leaf,
        fc.array(tie('node'), { maxLength: 40 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
      ),
    }));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 4 }), fc.array(node, { maxLength: 60 }), {
          maxKeys: 4,
        }),
        node,
        fc.integer({ min: 1, max: 30 }),
        async (arrays, other, partLength) => {
          const own = new InProcessWorker(testService(), { partLength });
          const remote = connect<TestService>(own, 'test');
          try {
            const value = { arrays, other, list: Object.values(arrays) };
            const back = await remote.echo(value);
            expect(back).toStrictEqual(structuredClone(value));
            expect(own.received).toBe(expectedMessages(value, partLength));
          } finally {
            remote.dispose();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('is refused as a whole when a part cannot be cloned, and the worker answers on', async () => {
    const remote = start({ partLength: 10 });
    const { value, messages } = await messagesOf(() =>
      remote.unclonableAt(45, 31).then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(value).toMatch(/could not be cloned/);
    // The head, the three parts before the one that failed, and the error.
    expect(messages).toBe(5);
    await expect(remote.add(2, 2)).resolves.toBe(4);
  });

  it('fails when its worker fails while the parts arrive; those still coming are dropped', async () => {
    const remote = start({ partLength: 1000 });
    worker.holding = true;
    const long = remote.long(10_000);
    let settled = false;
    long.then(
      () => (settled = true),
      () => (settled = true),
    );
    await heldUntil(1 + 10 + 5);
    worker.release(4);
    worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(long).rejects.toThrow('test worker failed: out of memory');
    worker.release();
    worker.holding = false;
    await expect(remote.add(1, 1)).resolves.toBe(2);
    expect(settled).toBe(true);
  });

  it('is dropped when the client is disposed while its parts arrive', async () => {
    const remote = start({ partLength: 1000 });
    worker.holding = true;
    const long = remote.long(10_000);
    await heldUntil(1 + 10 + 5);
    worker.release(1 + 10);
    remote.dispose();
    // The parts that were on their way reach no one.
    expect(() => worker.release()).not.toThrow();
    await expect(long).rejects.toThrow('test client is disposed');
  });

  it('refuses a part length that would not cut an array into parts', () => {
    for (const partLength of [0, -1, 1.5, Number.NaN]) {
      expect(() => serve({}, new MessageChannel().port1, { partLength })).toThrow(
        `serve: partLength must be a positive integer, not ${partLength}`,
      );
    }
  });
});

/**
 * One message for a result, plus one per part of each array in it longer than `partLength` (an
 * array reached twice is sent once).
 */
function expectedMessages(value: unknown, partLength: number): number {
  const seen = new Set<object>();
  const parts = (node: unknown): number => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return 0;
    seen.add(node);
    if (Array.isArray(node) && node.length > partLength) {
      return Math.ceil(node.length / partLength);
    }
    return Object.values(node).reduce((sum: number, child) => sum + parts(child), 0);
  };
  const count = parts(value);
  // The head goes before the parts when there are any, else the result whole.
  return 1 + count;
}
