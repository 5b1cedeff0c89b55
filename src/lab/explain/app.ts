// An application call: listen, connect, send, shutdown, close, abort, accept, and what it set off.
// The server has two sockets: its listening socket (`listener`), which listen() opens and a close
// of it shuts, and the connection the listener made, on which every other call of the server acts.
import { peerOf } from '../../engine/types';
import type { AppEvent, Side, SocketOwner } from '../../engine/types';
import { explanation, type ExplainKey, type Explanation } from './explanation';
import type { StepView } from './step';

export function explainApp(step: StepView): Explanation | undefined {
  const app = step.apps[0];
  const firstState = step.states[0];
  // connect() reports its result only when the handshake ends; the call itself shows as SYN_SENT.
  const connecting = step.states.find((s) => s.to === 'SYN_SENT');
  const owner: SocketOwner | undefined = app?.who ?? connecting?.who ?? firstState?.who;
  if (!owner) return undefined;
  if (owner === 'listener') return explainListenerCall(step, app);
  const who: Side = owner;
  const call = app?.call ?? (connecting ? 'connect' : undefined);
  const sends = step.sendsBy(who);
  const span = step.span(who);
  const base = {
    who,
    peer: peerOf(who),
    from: span.from,
    to: span.to,
    result: app?.result ?? 'ok',
  };
  const a = (key: ExplainKey, rfc: string, extra: Explanation['params'] = {}): Explanation =>
    explanation(key, rfc, { ...base, ...extra });

  switch (call) {
    case 'listen':
      return app?.result === 'ok'
        ? a('app.listen', '3.10.1')
        : a('app.failed', '3.10.1', { call: 'listen' });
    case 'connect': {
      if (app?.result === 'EADDRINUSE') return a('app.connectInUse', '3.4.3');
      if (app?.result === 'EADDRNOTAVAIL') {
        const rule = app.why?.rule;
        if (rule === 'time-wait-no-timestamps') return a('app.connectNoTimestamps', 'RFC 7323 §5');
        if (rule === 'four-tuple-in-use') return a('app.connectExists', '3.10.1');
        return a('app.connectNotAvailable', '3.10.1');
      }
      if (app && app.result !== 'ok') return a('app.failed', '3.10.1', { call: 'connect' });
      const syn = sends.find((s) => s.flags.includes('SYN'));
      const isn = syn?.seq ?? 0;
      if (step.went(who, 'TIME_WAIT', 'CLOSED')) {
        const rule = step.ruleOf(who);
        if (rule === 'time-wait-takeover') return a('app.connectTakeover', 'RFC 7323 §5', { isn });
        if (rule === 'reuse-time-wait') return a('app.connectReuseWhatIf', '3.4.3', { isn });
        return a('app.connectReuse', '3.4.3', { isn });
      }
      return a('app.connect', '3.10.1', { isn });
    }
    case 'accept':
      return app?.result === 'ok'
        ? a('app.accept', '3.10.7.4')
        : a('app.failed', '3.10.7.4', { call: 'accept' });
    case 'send': {
      if (app?.result !== 'ok') return a('app.sendFailed', '3.10.2');
      const data = sends.filter((s) => s.len > 0);
      const bytes = data.reduce((sum, s) => sum + s.len, 0);
      if (data.length === 0) return a('app.sendQueued', '3.10.2');
      const seq = data[0]?.relSeq ?? 0;
      return data.length === 1
        ? a('app.send', '3.10.2', { bytes, seq })
        : a('app.sendMany', '3.7', { bytes, seq, count: data.length });
    }
    case 'shutdown':
      if (app?.result !== 'ok') return a('app.failed', '3.10.4', { call: 'shutdown' });
      return a('app.shutdown', '3.6.1');
    case 'close':
      if (app?.result !== 'ok') return a('app.failed', '3.10.4', { call: 'close' });
      if (step.went(who, 'CLOSE_WAIT', 'LAST_ACK')) return a('app.closePassive', '3.10.4');
      if (step.went(who, null, 'FIN_WAIT_1')) return a('app.closeActive', '3.10.4');
      if (step.went(who, 'SYN_SENT', 'CLOSED')) return a('app.closeSynSent', '3.10.4');
      // A trace whose server has no listener of its own (a capture) closes its LISTEN here.
      if (step.went(who, 'LISTEN', 'CLOSED') || span.from === 'LISTEN')
        return a('app.closeListener', '3.10.4');
      if (span.from === 'CLOSED' && sends.length === 0) return a('app.closeNothing', '3.10.4');
      return a('app.closeQueued', '3.10.4');
    case 'abort':
      if (app?.result !== 'ok') return a('app.failed', '3.10.5', { call: 'abort' });
      return sends.some((s) => s.flags.includes('RST'))
        ? a('app.abort', '3.10.5')
        : a('app.abortSilent', '3.10.5');
    default:
      return undefined;
  }
}

/**
 * A call on the server's listening socket: listen() opens it, close() (or abort()) shuts it. The
 * server's application makes the call, so the sentence names the server.
 */
function explainListenerCall(step: StepView, app: AppEvent | undefined): Explanation | undefined {
  const span = step.span('listener');
  const call = app?.call ?? (span.to === 'LISTEN' ? 'listen' : 'close');
  const params = {
    who: 'server',
    peer: 'client',
    from: span.from,
    to: span.to,
    result: app?.result ?? 'ok',
    call,
  };
  if (app && app.result !== 'ok') return explanation('app.failed', '3.10.1', params);
  if (call === 'listen') return explanation('app.listen', '3.10.1', params);
  // Closing the listener takes a connection still in its handshake (never accepted) with it.
  const pending = step
    .transitions('server')
    .find((s) => s.from === 'SYN_RCVD' && s.to === 'CLOSED');
  if (pending) {
    return explanation('app.closeListenerPending', '3.10.4', { ...params, state: pending.from });
  }
  return explanation('app.closeListenerStops', '3.10.4', params);
}
