// One way to call a worker, for both of ours (the PROXX model): the worker serves a plain object of
// methods (`serve`), and the page calls them through a client typed after that object (`connect`):
// the same methods, each answering with a promise. The page and the worker are ours and built
// together, so their messages are not checked on the way: what comes from outside (a scenario, a
// file) is checked by the service that takes it.
//
// A result is one message, and the page deserializes a message in one task: a capture's run of
// 500,000 events would hold the page for a second. So any array in a result longer than
// PART_LENGTH, wherever it sits, comes in parts of that length, each a message (a task) of its own,
// and the client puts the result back together before its promise resolves. Found by the RPC
// rather than marked by each service: no method can forget it, and the types stay the same.

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

/**
 * Elements of a long array per message. Chromium reads a run's events at about 1 µs each on our
 * two-core machine: a part of 2,000 takes the page about 2 ms (median; the 500,000 events and
 * 200,000 cause starts of a 200,000-segment capture come in 353 messages). That is far below the
 * 50 ms a task may take, which leaves room for a slower or busier machine and for the garbage
 * collector's pauses, which fall in some of these tasks however they are cut. Shorter parts would
 * only add messages. A result with no longer array is posted whole, as one message.
 */
export const PART_LENGTH = 2_000;

/** The keys from a result down to one of its arrays. */
type Path = (string | number)[];

/**
 * Worker → page: a call's result (whole, or its head followed by parts), its error, a call of one of
 * its callbacks, or a lost request.
 */
type Answer =
  | { id: number; kind: 'result'; value: unknown }
  /** The result, each array at `paths[i]` empty; `length` elements in all follow in parts. */
  | { id: number; kind: 'result-head'; value: unknown; paths: Path[]; length: number }
  /** The next elements of the array at the head's `paths[array]`. */
  | { id: number; kind: 'part'; array: number; items: unknown[] }
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

/** A result arriving in parts: its head, the arrays its parts fill, and how many elements are due. */
interface Assembly {
  value: unknown;
  arrays: unknown[][];
  due: number;
}

interface PendingCall {
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Its result, once its head has come and until its last part has. */
  assembly?: Assembly;
}

function arrayAt(value: unknown, path: Path): unknown[] {
  return path.reduce((node, key) => (node as Record<string, unknown>)[key], value) as unknown[];
}

/** Adds a part to its result; the whole result once it was the last part, else undefined. */
function assembled(assembly: Assembly, { array, items }: { array: number; items: unknown[] }) {
  const target = assembly.arrays[array]!;
  for (const item of items) target.push(item);
  assembly.due -= items.length;
  return assembly.due === 0 ? { value: assembly.value } : undefined;
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
    if (data.kind === 'result-head') {
      const { value, paths, length } = data;
      call.assembly = { value, arrays: paths.map((path) => arrayAt(value, path)), due: length };
      return;
    }
    if (data.kind === 'part') {
      const whole = call.assembly && assembled(call.assembly, data);
      if (!whole) return;
      pending.delete(data.id);
      call.resolve(whole.value);
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

const isPlainObject = (node: object): node is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(node);
  return prototype === Object.prototype || prototype === null;
};

/**
 * `value` with each array longer than `partLength` in it replaced by an empty one (its head), and
 * those arrays with their paths. Only arrays and plain objects are looked into, and not the long
 * arrays' elements (they are posted within the parts). Whatever holds no long array is kept, not
 * copied (a small result is the very value the method returned); an object or a long array reached
 * twice is one object in the head, as the structured clone keeps it. What a cycle leads back to is
 * posted as it is.
 */
function withoutLongArrays(value: unknown, partLength: number) {
  const paths: Path[] = [];
  const arrays: unknown[][] = [];
  const path: Path = [];
  // What stands for each object met in the head: itself unless something was taken out under it.
  const standIns = new Map<object, object>();
  /** `container[key]`'s stand-in, or the container's copy with it in; primitives are skipped. */
  const visit = <C extends object>(
    container: C,
    copy: C | null,
    key: string | number,
  ): C | null => {
    const child = (container as Record<string | number, unknown>)[key];
    if (typeof child !== 'object' || child === null) return copy;
    path.push(key);
    const standIn = walk(child);
    path.pop();
    if (standIn === child) return copy;
    const changed =
      copy ?? ((Array.isArray(container) ? container.slice() : { ...container }) as C);
    (changed as Record<string | number, unknown>)[key] = standIn;
    return changed;
  };
  const walk = (node: object): object => {
    const known = standIns.get(node);
    if (known) return known;
    if (Array.isArray(node) && node.length > partLength) {
      const empty: unknown[] = [];
      standIns.set(node, empty);
      paths.push([...path]);
      arrays.push(node as unknown[]);
      return empty;
    }
    standIns.set(node, node);
    let copy: object | null = null;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) copy = visit(node, copy, index);
    } else if (isPlainObject(node)) {
      for (const key of Object.keys(node)) copy = visit(node, copy, key);
    }
    if (copy) standIns.set(node, copy);
    return copy ?? node;
  };
  const head = typeof value === 'object' && value !== null ? walk(value) : value;
  return { head, paths, arrays };
}

export interface ServeOptions {
  /** Elements of a long array per message (PART_LENGTH unless a test picks another). */
  partLength?: number;
}

/**
 * Answers the calls that reach `scope` (the worker's global scope) with `service`'s methods. A
 * method may return a value or a promise; what it throws rejects the caller's promise with the same
 * message.
 */
export function serve(
  service: Service,
  scope: ServiceScope = globalThis as unknown as ServiceScope,
  { partLength = PART_LENGTH }: ServeOptions = {},
): void {
  if (!Number.isSafeInteger(partLength) || partLength < 1) {
    throw new RangeError(`serve: partLength must be a positive integer, not ${partLength}`);
  }
  const post = (answer: Answer) => scope.postMessage(answer, []);
  /** Posts a result whole, or its head and then its long arrays' parts, all in order. */
  const postResult = (id: number, value: unknown) => {
    const { head, paths, arrays } = withoutLongArrays(value, partLength);
    if (arrays.length === 0) return post({ id, kind: 'result', value });
    const length = arrays.reduce((sum, items) => sum + items.length, 0);
    post({ id, kind: 'result-head', value: head, paths, length });
    arrays.forEach((items, array) => {
      for (let start = 0; start < items.length; start += partLength) {
        post({ id, kind: 'part', array, items: items.slice(start, start + partLength) });
      }
    });
  };
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
      .then((value) => postResult(id, value))
      // A method's error, or a result (or one of its parts) that cannot be cloned: the caller hears
      // of it either way, and drops the parts it has.
      .catch((error: unknown) => post({ id, kind: 'error', message: messageOf(error) }));
  };
  scope.onmessageerror = () => post({ kind: 'unreadable' });
}
