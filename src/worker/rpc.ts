// One way to call a worker, for both of ours (the PROXX model): the worker serves a plain object of
// methods (`serve`), and the page calls them through a client typed after that object (`connect`):
// the same methods, each answering with a promise. The page and the worker are ours and built
// together, so their messages are not checked on the way: what comes from outside (a scenario, a
// file) is checked by the service that takes it.

/** A worker's service: a plain object of methods (none called `dispose`: the client has that). */
export type Service = object & { dispose?: never };

/** The client's view of a service: its methods, each answering with a promise of its result. */
export type Remote<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** A client of a service: its methods, and `dispose` (stops the worker, fails what is pending). */
export type Client<T extends Service> = Remote<T> & { dispose(): void };

/** The part of a `Worker` the client uses (tests pass a MessagePort that looks like one). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

/** The part of a worker's global scope `serve` uses (or a MessagePort's in tests). */
export interface ServiceScope {
  onmessage: ((event: MessageEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Page → worker: call `method`; the arguments at `callbacks` were functions (sent as null). */
interface Call {
  id: number;
  method: string;
  args: unknown[];
  callbacks: number[];
}

/** Worker → page: a call's result or error, a call of one of its callbacks, or a lost request. */
type Answer =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; message: string }
  | { id: number; kind: 'callback'; index: number; args: unknown[] }
  | { kind: 'unreadable' };

const transfers = new WeakMap<object, Transferable[]>();

/**
 * Marks an argument whose `transferables` move to the worker instead of being copied (a file's
 * ArrayBuffer: it is empty, detached, on the page afterwards). Returns `value`.
 */
export function transfer<T extends object>(value: T, transferables: Transferable[]): T {
  transfers.set(value, transferables);
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface PendingCall {
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A client of the service `worker` serves; `name` says whose worker in its errors. */
export function connect<T extends Service>(worker: WorkerLike, name: string): Client<T> {
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let disposed = false;

  // A message that could not be read (on either side) leaves its call, whichever, unanswered.
  const unreadable = `${name} worker: a message could not be read`;
  const disposedError = `${name} client is disposed`;
  const failAll = (message: string) => {
    for (const call of pending.values()) call.reject(new Error(message));
    pending.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<Answer>) => {
    if (data.kind === 'unreadable') return failAll(unreadable);
    const call = pending.get(data.id);
    // No one waits for it any more (failed or disposed meanwhile).
    if (!call) return;
    if (data.kind === 'callback') {
      (call.args[data.index] as (...args: unknown[]) => void)(...data.args);
      return;
    }
    pending.delete(data.id);
    if (data.kind === 'result') call.resolve(data.value);
    else call.reject(new Error(data.message));
  };
  worker.onmessageerror = () => failAll(unreadable);
  // The script failed to load, or something escaped `serve`: no pending call can finish.
  worker.onerror = (event) =>
    failAll(`${name} worker failed: ${event.message || 'it could not be started'}`);

  function call(method: string, args: unknown[]): Promise<unknown> {
    if (disposed) return Promise.reject(new Error(disposedError));
    const id = nextId++;
    const callbacks: number[] = [];
    const moved: Transferable[] = [];
    const sent = args.map((arg, index) => {
      if (typeof arg === 'function') {
        callbacks.push(index);
        return null;
      }
      // A WeakMap answers undefined for anything not an object it holds.
      moved.push(...(transfers.get(arg as object) ?? []));
      return arg;
    });
    return new Promise((resolve, reject) => {
      pending.set(id, { args, resolve, reject });
      const message: Call = { id, method, args: sent, callbacks };
      try {
        worker.postMessage(message, moved);
      } catch (error) {
        // Arguments that cannot be cloned (a DataCloneError): this call fails, no other.
        pending.delete(id);
        reject(error as Error);
      }
    });
  }

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    worker.terminate();
    failAll(disposedError);
  };
  // Any method name becomes a call; `then` stays undefined so that the client is not a thenable
  // (an async function returning it would otherwise wait on it).
  return new Proxy({} as Client<T>, {
    get: (_target, key) =>
      key === 'dispose'
        ? dispose
        : typeof key === 'string' && key !== 'then'
          ? (...args: unknown[]) => call(key, args)
          : undefined,
  });
}

/**
 * Answers the calls that reach `scope` (the worker's global scope) with `service`'s methods. A
 * method may return a value or a promise; what it throws rejects the caller's promise with the same
 * message.
 */
export function serve(
  service: Service,
  scope: ServiceScope = globalThis as unknown as ServiceScope,
): void {
  const post = (answer: Answer) => scope.postMessage(answer, []);
  scope.onmessage = ({ data }: MessageEvent<Call>) => {
    const { id, method, args, callbacks } = data;
    for (const index of callbacks) {
      args[index] = (...values: unknown[]) => post({ id, kind: 'callback', index, args: values });
    }
    new Promise((resolve) => {
      const fn: unknown = Object.hasOwn(service, method)
        ? (service as Record<string, unknown>)[method]
        : undefined;
      if (typeof fn !== 'function') throw new Error(`no method "${method}"`);
      resolve(fn.apply(service, args));
    })
      .then((value) => post({ id, kind: 'result', value }))
      // A method's error, or a result that cannot be cloned: the caller hears of it either way.
      .catch((error: unknown) => post({ id, kind: 'error', message: messageOf(error) }));
  };
  scope.onmessageerror = () => post({ kind: 'unreadable' });
}
