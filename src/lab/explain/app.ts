// An application call: listen, connect, send, shutdown, close, abort, and what it set off.
import { peerOf } from '../../engine/types';
import type { Side } from '../../engine/types';
import { explanation, type ExplainKey, type Explanation } from './explanation';
import type { StepView } from './step';

export function explainApp(step: StepView): Explanation | undefined {
  const app = step.apps[0];
  const firstState = step.states[0];
  // connect() reports its result only when the handshake ends; the call itself shows as SYN_SENT.
  const connecting = step.states.find((s) => s.to === 'SYN_SENT');
  const who: Side | undefined = app?.who ?? connecting?.who ?? firstState?.who;
  if (!who) return undefined;
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
      if (app && app.result !== 'ok') return a('app.failed', '3.10.1', { call: 'connect' });
      const syn = sends.find((s) => s.flags.includes('SYN'));
      const isn = syn?.seq ?? 0;
      if (step.went(who, 'TIME_WAIT', 'CLOSED')) return a('app.connectReuse', '3.4.3', { isn });
      return a('app.connect', '3.10.1', { isn });
    }
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
