// The worker RPC over a real MessageChannel (a worker without the thread: src/testing/
// inProcessWorker.ts): messages are cloned and transferred as between a page and its worker.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { InProcessWorker } from '../testing/inProcessWorker';
import { connect, transfer, type Client } from './rpc';

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
  };
}

type TestService = ReturnType<typeof testService>;

let worker: InProcessWorker;
let client: Client<TestService>;

function start(): Client<TestService> {
  worker = new InProcessWorker(testService());
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
