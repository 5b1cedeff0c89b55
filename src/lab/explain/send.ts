// Why one segment was sent, for a reader asking about that segment: one key per SendReason.
import type { SendReason } from '../../engine/types';
import type { SegmentInfo } from '../types';
import { explanation, flagLabel, type ExplainKey, type Explanation } from './explanation';

const SEND_RFC: Record<SendReason, string> = {
  'active-open': '3.10.1',
  'passive-open': '3.10.7.2',
  'simultaneous-open': '3.10.7.3',
  'handshake-ack': '3.10.7.3',
  data: '3.10.2',
  ack: '3.10.7.4',
  'delayed-ack': '3.8.6.3',
  fin: '3.10.4',
  retransmit: '3.8.1',
  'dup-ack': '3.10.7.4',
  'challenge-ack': 'RFC 5961 §3–4',
  'rst-closed': '3.10.7.1',
  'rst-listen': '3.10.7.2',
  'rst-bad-ack': '3.5.2',
  'rst-orphan-data': 'RFC 1122 §4.2.2.13',
  'rst-syn-in-window': '3.10.7.4',
  abort: '3.10.5',
  'loss-probe': 'RFC 8985 §7',
  'paws-ack': 'RFC 7323 §5.3',
  injected: '3.10.7',
};

export function explainSend(seg: SegmentInfo): Explanation {
  return explanation(`send.${seg.reason}` satisfies ExplainKey, SEND_RFC[seg.reason], {
    who: seg.from,
    peer: seg.to,
    flags: flagLabel(seg.flags),
    seq: seg.relSeq,
    ack: seg.relAck ?? 0,
    len: seg.len,
  });
}
