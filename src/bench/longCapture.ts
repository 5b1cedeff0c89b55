// A capture of one long connection, for the page's worst-input figure: a handshake, `exchanges`
// small data segments each acknowledged, and a close, as the lab's own capture writer writes them.
import { runToPcap } from '../capture/writePcap';
import type { Flag, SendEvent, Side, TraceEvent } from '../engine/types';

const WHY = { rule: 'bench' } as unknown as SendEvent['why'];

export function longConnectionPcap(exchanges: number, bytesPerSegment = 8): Uint8Array {
  const events: TraceEvent[] = [];
  let t = 0;
  let id = 0;
  const seq = { client: 1000, server: 5000 };
  const send = (who: Side, flags: Flag[], len = 0) => {
    const other: Side = who === 'client' ? 'server' : 'client';
    const event: SendEvent = {
      t,
      type: 'send',
      id: id++,
      who,
      flags,
      seq: seq[who],
      ack: flags.includes('ACK') ? seq[other] : 0,
      len,
      window: 65535,
      retransmission: false,
      reason: 'data',
      why: WHY,
    };
    events.push(event);
    seq[who] += len + (flags.includes('SYN') || flags.includes('FIN') ? 1 : 0);
    t += 0.05;
  };
  send('client', ['SYN']);
  send('server', ['SYN', 'ACK']);
  send('client', ['ACK']);
  for (let i = 0; i < exchanges; i++) {
    send('client', ['ACK', 'PSH'], bytesPerSegment);
    send('server', ['ACK']);
  }
  send('client', ['FIN', 'ACK']);
  send('server', ['FIN', 'ACK']);
  send('client', ['ACK']);
  return runToPcap({ scenario: { client: { port: 40000 }, server: { port: 8080 } }, events });
}
