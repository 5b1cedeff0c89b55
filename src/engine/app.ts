// The socket calls a scenario's actions make (RFC 9293 section 3.10, user calls), with the
// results a Linux application would see. The server's listening socket is a socket of its own
// (CONTRACT.md section 0.1): it stays in LISTEN until the server closes it.
import { pushOutput, sendRst, sendSyn } from './output';
import type { RuleId } from './rules';
import { seqAdd } from './seq';
import {
  appResult,
  deleteTcb,
  emitState,
  type Endpoint,
  makeTcb,
  nextIsn,
  setTimer,
  showState,
  type Sim,
  type Tcb,
  TIMER_NAMES,
  cancelTimer,
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
      return action.socket === 'listener' ? closeListener(sim, ep, 'close') : close(sim, ep);
    case 'abort':
      return action.socket === 'listener' ? closeListener(sim, ep, 'abort') : abort(sim, ep);
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
  // The port is taken while the listener is open, or while a connection of its own holds it.
  if (ep.listening || owned(ep) !== null) {
    appResult(sim, 'listener', 'listen', 'EADDRINUSE', 'bind-in-use');
    return;
  }
  ep.listening = true;
  appResult(sim, 'listener', 'listen', 'ok', 'listen');
  emitState(sim, 'listener', 'CLOSED', 'LISTEN', 'listen');
}

/**
 * close() (or abort) of the listening socket: no new connections. Connections it accepted live
 * on; one still in its handshake, not yet accepted, goes with it (Linux: inet_csk_listen_stop()).
 */
function closeListener(sim: Sim, ep: Endpoint, call: 'close' | 'abort'): void {
  appResult(sim, 'listener', call, 'ok', 'listener-close');
  if (!ep.listening) return;
  ep.listening = false;
  emitState(sim, 'listener', 'LISTEN', 'CLOSED', 'listener-close');
  // Only a connection still in its handshake belongs to the listener (a request socket in
  // Linux); one whose handshake completed, or that closed since, is a socket of its own.
  const tcb = ep.conn;
  if (tcb !== null && tcb.passive && tcb.state === 'SYN_RCVD') {
    deleteTcb(sim, ep, tcb, 'listener-drops-embryonic');
  }
}

/**
 * connect() from the scenario's fixed port, so the app binds it first. `reuse` sets SO_REUSEADDR,
 * which lets that bind() share the port with a connection in TIME_WAIT; connect() then needs the
 * 4-tuple itself (CONTRACT.md section 0.2).
 */
function connect(sim: Sim, ep: Endpoint, reuse: boolean): void {
  ep.connectCalls++;
  const old = ep.conn;
  if (ep.listening || (old !== null && !(reuse && old.state === 'TIME_WAIT'))) {
    // Linux's bind() (inet_csk_get_port()): the port is in use.
    appResult(sim, ep.side, 'connect', 'EADDRINUSE', 'bind-in-use');
    return;
  }
  let iss: number;
  let noPaws = false;
  if (old === null) {
    iss = nextIsn(sim, ep);
  } else {
    const takeover = timeWaitTakeover(sim, old);
    if (takeover === null) {
      const rule =
        sim.behaviour.profile === 'linux' ? 'time-wait-no-timestamps' : 'four-tuple-in-use';
      appResult(sim, ep.side, 'connect', 'EADDRNOTAVAIL', rule);
      return;
    }
    for (const name of TIMER_NAMES) cancelTimer(sim, ep, old, name, takeover.rule);
    old.state = 'CLOSED';
    ep.conn = null;
    showState(sim, ep, 'CLOSED', takeover.rule);
    iss = takeover.iss ?? nextIsn(sim, ep);
    noPaws = takeover.rule === 'reuse-time-wait';
  }
  const tcb = makeTcb(sim, ep, 'SYN_SENT', iss, false);
  tcb.noPaws = noPaws;
  tcb.connectPending = true;
  ep.conn = tcb;
  ep.lastIsn = tcb.iss;
  ep.pendingError = null;
  showState(sim, ep, 'SYN_SENT', 'active-open');
  sendSyn(sim, ep, tcb, 'active-open', 'active-open');
}

/**
 * May connect() take the 4-tuple of `old`, in TIME_WAIT? Linux does when the old connection
 * used timestamps (tcp_twsk_unique(); the app bound the port itself, so tcp_tw_reuse is not
 * consulted), starting past anything the old one sent; RFC 9293 says the connection still
 * exists. The what-if takes it regardless, with a fresh ISN and no PAWS.
 */
function timeWaitTakeover(sim: Sim, old: Tcb): { rule: RuleId; iss: number | null } | null {
  if (sim.behaviour.reuseTimeWait) return { rule: 'reuse-time-wait', iss: null };
  if (sim.behaviour.profile !== 'linux') return null;
  if (old.negotiated?.timestamps !== true || old.tsRecent === null) return null;
  return { rule: 'time-wait-takeover', iss: seqAdd(old.sndNxt, 65535 + 2) };
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
    appResult(sim, ep.side, 'send', deadSocketResult(ep), 'socket-error');
    return;
  }
  tcb.unsent += bytes;
  appResult(sim, ep.side, 'send', 'ok', 'send-data');
  pushOutput(sim, ep, tcb);
}

function shutdown(sim: Sim, ep: Endpoint): void {
  const tcb = owned(ep);
  if (tcb === null) {
    appResult(sim, ep.side, 'shutdown', deadSocketResult(ep), 'socket-error');
    return;
  }
  appResult(sim, ep.side, 'shutdown', 'ok', 'app-close');
  if (tcb.state === 'SYN_SENT') {
    deleteTcb(sim, ep, tcb, 'close-in-syn-sent');
    return;
  }
  tcb.finQueued = true;
  pushOutput(sim, ep, tcb);
}

/** close() of the connection the app holds (the listener is closed by naming it). */
function close(sim: Sim, ep: Endpoint): void {
  const tcb = owned(ep);
  appResult(sim, ep.side, 'close', 'ok', 'app-close');
  if (tcb !== null) closeSocket(sim, ep, tcb);
  else ep.pendingError = null;
}

/** close() on a connection (RFC 9293 3.10.4). Also used when a closeOnEof app reads EOF. */
export function closeSocket(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  tcb.attached = false;
  tcb.connectPending = false;
  switch (tcb.state) {
    case 'SYN_SENT':
      deleteTcb(sim, ep, tcb, 'close-in-syn-sent');
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
        setTimer(sim, ep, tcb, 'fin-wait-2', sim.behaviour.finWait2Ms, 'fin-wait-2-timeout');
      return;
    default:
      return;
  }
}

/**
 * ABORT (3.10.5): RST where the peer holds state for us, then the connection is gone. Only a
 * connection the app still holds: after close() (a TIME_WAIT, an orphaned FIN_WAIT_2) it has no
 * socket left to abort.
 */
function abort(sim: Sim, ep: Endpoint): void {
  appResult(sim, ep.side, 'abort', 'ok', 'abort-call');
  const tcb = owned(ep);
  if (tcb === null) return;
  switch (tcb.state) {
    case 'SYN_RCVD':
    case 'ESTABLISHED':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT': {
      const ack = sim.behaviour.rstAckOnAbort ? tcb.rcvNxt : null;
      sendRst(sim, ep, tcb.sndNxt, ack, 'abort', 'abort-call', tcb);
      break;
    }
    default:
      break;
  }
  tcb.attached = false;
  deleteTcb(sim, ep, tcb, 'abort-call');
}
