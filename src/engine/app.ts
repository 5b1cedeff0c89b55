// The socket calls a scenario's actions make (RFC 9293 section 3.10, user calls), with the
// results a Linux application would see.
import { pushOutput, sendRst, sendSyn } from './output';
import {
  appResult,
  deleteTcb,
  type Endpoint,
  makeTcb,
  nextIsn,
  setTimer,
  showState,
  type Sim,
  type Tcb,
} from './sim';
import type { Action, AppResult } from './types';

export function runAction(sim: Sim, ep: Endpoint, action: Action): void {
  switch (action.do) {
    case 'listen':
      return listen(sim, ep);
    case 'connect':
      return connect(sim, ep, action.reuse === true);
    case 'send':
      return send(sim, ep, action.bytes ?? 0);
    case 'shutdown':
      return shutdown(sim, ep);
    case 'close':
      return close(sim, ep);
    case 'abort':
      return abort(sim, ep);
  }
}

/** The connection the app holds, if any. */
function owned(ep: Endpoint): Tcb | null {
  return ep.conn !== null && ep.conn.attached ? ep.conn : null;
}

/** What a call on a dead socket returns: the error that killed it, once, then EPIPE. */
function deadSocketResult(ep: Endpoint): AppResult {
  const error = ep.pendingError ?? 'EPIPE';
  ep.pendingError = null;
  return error;
}

function listen(sim: Sim, ep: Endpoint): void {
  if (ep.listening || owned(ep) !== null) {
    appResult(sim, ep, 'listen', 'EADDRINUSE');
    return;
  }
  ep.listening = true;
  appResult(sim, ep, 'listen', 'ok');
  if (ep.conn === null) showState(sim, ep, 'LISTEN');
}

function connect(sim: Sim, ep: Endpoint, reuse: boolean): void {
  const old = ep.conn;
  // A new socket binds the same port: refused while any connection holds it, unless
  // SO_REUSEADDR (`reuse`) and the holder only lingers in TIME_WAIT.
  if (ep.listening || (old !== null && !(reuse && old.state === 'TIME_WAIT'))) {
    appResult(sim, ep, 'connect', 'EADDRINUSE');
    return;
  }
  if (old !== null) deleteTcb(sim, ep, old);
  const tcb = makeTcb('SYN_SENT', nextIsn(sim, ep), sim.behaviour.rtoInitialMs, false);
  tcb.connectPending = true;
  ep.conn = tcb;
  ep.lastIsn = tcb.iss;
  ep.pendingError = null;
  showState(sim, ep, 'SYN_SENT');
  sendSyn(sim, ep, tcb, 'active-open');
}

function send(sim: Sim, ep: Endpoint, bytes: number): void {
  const tcb = owned(ep);
  const open =
    tcb !== null &&
    !tcb.finQueued &&
    (tcb.state === 'SYN_SENT' ||
      tcb.state === 'SYN_RCVD' ||
      tcb.state === 'ESTABLISHED' ||
      tcb.state === 'CLOSE_WAIT');
  if (!open) {
    appResult(sim, ep, 'send', deadSocketResult(ep));
    return;
  }
  tcb.unsent += bytes;
  appResult(sim, ep, 'send', 'ok');
  pushOutput(sim, ep, tcb);
}

function shutdown(sim: Sim, ep: Endpoint): void {
  const tcb = owned(ep);
  if (tcb === null) {
    appResult(sim, ep, 'shutdown', deadSocketResult(ep));
    return;
  }
  appResult(sim, ep, 'shutdown', 'ok');
  if (tcb.state === 'SYN_SENT') {
    deleteTcb(sim, ep, tcb);
    return;
  }
  tcb.finQueued = true;
  pushOutput(sim, ep, tcb);
}

function close(sim: Sim, ep: Endpoint): void {
  const tcb = owned(ep);
  appResult(sim, ep, 'close', 'ok');
  if (tcb !== null) {
    closeSocket(sim, ep, tcb);
    return;
  }
  ep.pendingError = null;
  // No connection of its own: close() closes the listening socket.
  if (ep.listening) {
    ep.listening = false;
    if (ep.conn === null) showState(sim, ep, 'CLOSED');
  }
}

/** close() on a connection (RFC 9293 3.10.4). Also used when a closeOnEof app reads EOF. */
export function closeSocket(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  tcb.attached = false;
  tcb.connectPending = false;
  switch (tcb.state) {
    case 'SYN_SENT':
      deleteTcb(sim, ep, tcb);
      return;
    case 'SYN_RCVD':
    case 'ESTABLISHED':
    case 'CLOSE_WAIT':
      tcb.finQueued = true;
      pushOutput(sim, ep, tcb);
      return;
    case 'FIN_WAIT_2':
      // Linux: an orphaned FIN_WAIT_2 waits tcp_fin_timeout, not forever.
      if (sim.behaviour.finWait2Ms > 0)
        setTimer(sim, ep, tcb, 'fin-wait-2', sim.behaviour.finWait2Ms);
      return;
    default:
      return;
  }
}

/** ABORT (3.10.5): RST where the peer holds state for us, then the connection is gone. */
function abort(sim: Sim, ep: Endpoint): void {
  appResult(sim, ep, 'abort', 'ok');
  const tcb = ep.conn;
  if (tcb === null) {
    if (ep.listening) {
      ep.listening = false;
      showState(sim, ep, 'CLOSED');
    }
    return;
  }
  switch (tcb.state) {
    case 'SYN_RCVD':
    case 'ESTABLISHED':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT':
      sendRst(sim, ep, tcb.sndNxt, sim.behaviour.rstAckOnAbort ? tcb.rcvNxt : null, 'abort');
      break;
    default:
      break;
  }
  tcb.attached = false;
  deleteTcb(sim, ep, tcb);
}
