// A segment lost on the way: to a fault the lesson set, or to random loss.
import { explanation, flagLabel, type Explanation } from './explanation';
import type { StepView } from './step';

export function explainDrop(step: StepView): Explanation | undefined {
  const { drop } = step;
  if (!drop) return undefined;
  const seg = step.segment(drop.id);
  if (!seg) return explanation('drop.loss', '3.8.1', { flags: '?', seq: 0, who: 'client' });
  const params = {
    who: seg.from,
    peer: seg.to,
    flags: flagLabel(seg.flags),
    seq: seg.relSeq,
    len: seg.len,
  };
  const pureAck =
    seg.len === 0 && !seg.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
  if (pureAck)
    return explanation(drop.reason === 'fault' ? 'drop.ackFault' : 'drop.ackLoss', '3.8.1', params);
  if (seg.flags.includes('RST')) return explanation('drop.rst', '3.5.2', params);
  return explanation(drop.reason === 'fault' ? 'drop.fault' : 'drop.loss', '3.8.1', params);
}
