// Every decision the engine makes, by a stable id, with where it comes from: the RFC section, or
// for behaviour only the `linux` profile has, the Linux 6.18 function it follows. Each state, send,
// drop and timer event and each discarding arrival carries one (`why`), and the page writes its
// explanations from these ids rather than guessing after the fact. The README lists them; a test
// holds the list and the README together.
import type { Why } from './types';

export const RULES = {
  // ---- opening ----
  listen: 'RFC 9293 §3.10.1',
  'active-open': 'RFC 9293 §3.10.1',
  'syn-to-listener': 'RFC 9293 §3.10.7.2',
  'syn-ack-received': 'RFC 9293 §3.10.7.3',
  'simultaneous-open': 'RFC 9293 §3.10.7.3',
  'handshake-ack': 'RFC 9293 §3.10.7.4',
  accept: 'RFC 9293 §3.10.7.4',
  'two-way-handshake': 'what-if twoWayHandshake',
  'syn-options': 'RFC 9293 §3.7.1',
  // ---- data and acknowledgements ----
  'send-data': 'RFC 9293 §3.10.2',
  'ack-at-once': 'RFC 9293 §3.10.7.4',
  'ack-partial': 'RFC 6298 §5.3',
  'dup-ack-received': 'RFC 9293 §3.10.7.4',
  'ack-nothing-new': 'RFC 9293 §3.10.7.4',
  'ack-of-unsent': 'RFC 9293 §3.10.7.4',
  'out-of-order': 'RFC 9293 §3.10.7.4',
  'delayed-ack': 'RFC 9293 §3.8.6.3',
  'delayed-ack-expired': 'RFC 9293 §3.8.6.3',
  'quick-ack': 'linux tcp_in_quickack_mode()',
  pingpong: 'linux tcp_event_data_sent()',
  'after-fin': 'RFC 9293 §3.10.7.4',
  'challenge-ack': 'RFC 5961 §4',
  'rst-challenge': 'RFC 5961 §3',
  // ---- closing ----
  'app-close': 'RFC 9293 §3.10.4',
  'close-call': 'RFC 9293 §3.10.4',
  'passive-close': 'RFC 9293 §3.10.4',
  'close-in-syn-sent': 'RFC 9293 §3.10.4',
  'fin-received': 'RFC 9293 §3.10.7.4',
  'fin-acked': 'RFC 9293 §3.10.7.4',
  'time-wait': 'RFC 9293 §3.10.7.4',
  'time-wait-restart': 'RFC 9293 §3.10.7.4',
  'time-wait-expired': 'RFC 9293 §3.10.8',
  'linux-time-wait': 'linux tcp_time_wait()',
  'fin-wait-2-timeout': 'linux tcp_fin_time()',
  'listener-close': 'RFC 9293 §3.10.4',
  'listener-drops-embryonic': 'linux inet_csk_listen_stop()',
  'no-time-wait': 'what-if noTimeWait',
  // ---- resets ----
  'abort-call': 'RFC 9293 §3.10.5',
  'socket-error': 'RFC 9293 §3.10.2',
  'rst-closed': 'RFC 9293 §3.10.7.1',
  'rst-listen': 'RFC 9293 §3.10.7.2',
  'rst-bad-ack': 'RFC 9293 §3.10.7.3',
  'rst-refused': 'RFC 9293 §3.10.7.3',
  'rst-received': 'RFC 9293 §3.10.7.4',
  'rst-in-time-wait': 'RFC 9293 §3.10.7.4',
  'rst-embryonic': 'RFC 9293 §3.10.7.4',
  'rst-syn-in-window': 'linux tcp_check_req()',
  'syn-in-window': 'RFC 9293 §3.10.7.4',
  'rst-without-ack': 'RFC 9293 §3.10.7.3',
  'no-ack-bit': 'RFC 9293 §3.10.7.4',
  'syn-sent-no-syn': 'RFC 9293 §3.10.7.3',
  'rst-orphan-data': 'linux tcp_rcv_state_process()',
  'rfc1337-ignore-rst': 'linux tcp_timewait_state_process()',
  // ---- retransmission ----
  rto: 'RFC 6298 §5',
  'rto-expired': 'RFC 6298 §5.4',
  'rto-linux': 'linux tcp_set_rto()',
  'rto-backoff': 'RFC 6298 §5.5',
  'syn-linear-timeout': 'linux tcp_retransmit_timer()',
  'retransmit-go-back': 'RFC 6298 §5.4',
  // Only in captures: this engine has no fast retransmit.
  'fast-retransmit': 'RFC 5681 §3.2',
  'syn-repeated': 'linux tcp_check_req()',
  'duplicate-syn': 'RFC 9293 §3.10.7.4',
  'loss-probe': 'linux tcp_schedule_loss_probe()',
  'loss-probe-sent': 'linux tcp_send_loss_probe()',
  'retries-exhausted': 'RFC 9293 §3.8.3',
  'all-acked': 'RFC 6298 §5.2',
  'connection-gone': 'RFC 9293 §3.10.7.4',
  // ---- port reuse and timestamps ----
  'bind-in-use': 'linux inet_csk_get_port()',
  'four-tuple-in-use': 'RFC 9293 §3.10.1',
  'time-wait-takeover': 'linux tcp_twsk_unique()',
  'time-wait-no-timestamps': 'linux tcp_twsk_unique()',
  'time-wait-reopen': 'RFC 9293 §3.10.7.4',
  'time-wait-reopen-linux': 'linux tcp_timewait_state_process()',
  'reuse-time-wait': 'what-if reuseTimeWait',
  paws: 'RFC 7323 §5.3',
  'out-of-window': 'RFC 9293 §3.10.7.4',
  'no-connection': 'RFC 9293 §3.10.7.1',
  'listener-gets-ack': 'RFC 9293 §3.10.7.2',
  // ---- the network and the scenario ----
  fault: 'scenario faults',
  'random-loss': 'scenario network.lossRate',
  injected: 'scenario inject',
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The `why` of an event decided by `rule`. */
export function why(rule: RuleId): Why {
  return { rule, ref: RULES[rule] };
}
