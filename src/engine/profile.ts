// Timer and behaviour defaults for each profile (CONTRACT.md section 1), resolved once per run.
import type { ProfileName, Scenario } from './types';

export interface Behaviour {
  profile: ProfileName;
  mslMs: number;
  rtoInitialMs: number;
  rtoMinMs: number;
  rtoMaxMs: number;
  /** 0 means ACKs are sent at once. */
  delayedAckMs: number;
  /** 0 means no timer: RFC 9293 lets an orphaned FIN_WAIT_2 wait forever. */
  finWait2Ms: number;
  synRetries: number;
  synAckRetries: number;
  dataRetries: number;
  /** Linux sets ACK (with RCV.NXT) on the RST it sends for an abort. */
  rstAckOnAbort: boolean;
  /** Linux answers data arriving after close() with RST instead of taking it. */
  rstOnOrphanData: boolean;
  /** Linux resets an embryonic connection on an in-window SYN; RFC 9293 returns it to LISTEN. */
  rstOnSynInSynRcvd: boolean;
  /** Linux delays the ACK of a FIN received in ESTABLISHED, hoping to send it with its own FIN. */
  delayFinAck: boolean;
  /**
   * Linux's quick-ACK mode (TCP_MAX_QUICKACKS): the first data a connection receives is ACKed at
   * once, for this many ACKs; before it, the delayed-ACK timeout (ato) is zero, so an ACK that is
   * delayed (a FIN's) goes at the next clock tick. 0: no quick ACKs, delays are delayedAckMs.
   */
  quickAcks: number;
  /**
   * The error a RST leaves for the app, as Linux's tcp_reset picks it: ECONNRESET in SYN_RCVD
   * (the RFC: "connection refused" after an active open) and EPIPE in CLOSE_WAIT (the RFC:
   * "connection reset").
   */
  linuxResetErrors: boolean;
  noTimeWait: boolean;
  twoWayHandshake: boolean;
}

type Defaults = Omit<Behaviour, 'noTimeWait' | 'twoWayHandshake'>;

const PROFILE_DEFAULTS: Record<ProfileName, Defaults> = {
  rfc9293: {
    profile: 'rfc9293',
    mslMs: 120_000,
    rtoInitialMs: 1000,
    rtoMinMs: 1000,
    rtoMaxMs: 120_000,
    delayedAckMs: 0,
    finWait2Ms: 0,
    // RFC 9293 3.8.3: R2 for a SYN at least 3 minutes; six retries at 1, 2, 4, ... 64 s reach 127 s,
    // the seventh timeout ends the attempt after 255 s.
    synRetries: 7,
    synAckRetries: 7,
    dataRetries: 15,
    rstAckOnAbort: false,
    rstOnOrphanData: false,
    rstOnSynInSynRcvd: false,
    delayFinAck: false,
    quickAcks: 0,
    linuxResetErrors: false,
  },
  linux: {
    profile: 'linux',
    mslMs: 30_000, // TIME_WAIT is 2·MSL = 60 s (TCP_TIMEWAIT_LEN)
    rtoInitialMs: 1000,
    rtoMinMs: 200,
    rtoMaxMs: 120_000,
    delayedAckMs: 40,
    finWait2Ms: 60_000, // tcp_fin_timeout
    synRetries: 6, // tcp_syn_retries
    synAckRetries: 5, // tcp_synack_retries
    dataRetries: 15, // tcp_retries2
    rstAckOnAbort: true,
    rstOnOrphanData: true,
    rstOnSynInSynRcvd: true,
    delayFinAck: true,
    quickAcks: 16,
    linuxResetErrors: true,
  },
};

export function resolveBehaviour(scenario: Scenario): Behaviour {
  const base = PROFILE_DEFAULTS[scenario.profile ?? 'rfc9293'];
  const timers = scenario.timers ?? {};
  const pick = (key: keyof typeof timers): number => timers[key] ?? base[key];
  return {
    ...base,
    mslMs: pick('mslMs'),
    rtoInitialMs: pick('rtoInitialMs'),
    rtoMinMs: pick('rtoMinMs'),
    rtoMaxMs: Math.max(pick('rtoMaxMs'), pick('rtoMinMs')),
    delayedAckMs: pick('delayedAckMs'),
    finWait2Ms: pick('finWait2Ms'),
    synRetries: pick('synRetries'),
    synAckRetries: pick('synAckRetries'),
    dataRetries: pick('dataRetries'),
    noTimeWait: scenario.whatIf?.noTimeWait ?? false,
    twoWayHandshake: scenario.whatIf?.twoWayHandshake ?? false,
  };
}
