// What a side of the comparison shows about the server, read from its run so that the words under
// each diagram can only say what the engine did.

import type { Run } from '../../lab/types';

export interface ServerFate {
  /** The server's connection reached ESTABLISHED at some point. */
  established: boolean;
  /** accept() returned a connection to the server's application. */
  accepted: boolean;
  /** A RST crossed the network. */
  reset: boolean;
  /** The server's connection's states, in order, from the first it leaves. */
  states: string[];
  /** The listener's state at the end. */
  listener: string;
}

export function serverFate(run: Run): ServerFate {
  const states: string[] = [];
  let established = false;
  let accepted = false;
  let reset = false;
  for (const event of run.events) {
    if (event.type === 'state' && event.who === 'server') {
      if (states.length === 0) states.push(event.from);
      states.push(event.to);
      if (event.to === 'ESTABLISHED') established = true;
    } else if (event.type === 'app' && event.who === 'server' && event.call === 'accept') {
      accepted ||= event.result === 'ok';
    } else if (event.type === 'send' && event.flags.includes('RST')) {
      reset = true;
    }
  }
  return { established, accepted, reset, states, listener: run.final.listener };
}
