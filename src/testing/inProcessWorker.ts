// Test-only: a worker without the thread. A MessageChannel whose far end serves a service in this
// process, so calls go through the same client and host as the page's, their messages cloned (and
// transferred) on the way as between a page and its worker, each answered on a later tick. A test
// may count the messages that reach the page, and hold them back to hand them on one by one.

import { MessageChannel } from 'node:worker_threads';
import {
  serve,
  type ServeOptions,
  type Service,
  type ServiceScope,
  type WorkerLike,
} from '../worker/rpc';

/** Node's ports keep the process alive while they listen; a test's worker must not. */
function unref(port: MessagePort): MessagePort {
  (port as unknown as { unref(): void }).unref();
  return port;
}

export class InProcessWorker implements WorkerLike {
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Messages from the worker that reached the page (held ones included). */
  received = 0;
  /** Messages held back from the client while `holding`, in order, until `release`. */
  readonly held: MessageEvent[] = [];
  holding = false;
  private handler: WorkerLike['onmessage'] = null;
  private readonly port: MessagePort;
  /** The worker's side: its global scope, as `serve` sees it. */
  readonly scope: ServiceScope;

  constructor(service: Service, options?: ServeOptions) {
    const channel = new MessageChannel() as unknown as { port1: MessagePort; port2: MessagePort };
    this.port = channel.port1;
    this.scope = channel.port2;
    serve(service, this.scope, options);
    unref(channel.port2);
  }

  get onmessage(): WorkerLike['onmessage'] {
    return this.handler;
  }
  set onmessage(handler: WorkerLike['onmessage']) {
    this.handler = handler;
    this.port.onmessage = (event: MessageEvent) => {
      this.received++;
      if (this.holding) this.held.push(event);
      else this.handler?.(event);
    };
    unref(this.port);
  }

  /** Hands the first `count` messages held on to the client (all of them by default). */
  release(count = this.held.length): void {
    for (const event of this.held.splice(0, count)) this.handler?.(event);
  }
  get onmessageerror(): WorkerLike['onmessageerror'] {
    return this.port.onmessageerror;
  }
  set onmessageerror(handler: WorkerLike['onmessageerror']) {
    this.port.onmessageerror = handler;
    unref(this.port);
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    this.port.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    (this.scope as MessagePort).close();
  }
}
