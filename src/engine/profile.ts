// Timer and behaviour defaults for each profile (CONTRACT.md section 1), resolved once per run.
import type { OptionsConfig, ProfileName, Scenario, Side, Sysctl } from './types';

/** The options one side offers in its SYN or SYN+ACK, resolved (null: not sent). */
export interface SideOptions {
  mss: number | null;
  sackPermitted: boolean;
  timestamps: boolean;
  windowScale: number | null;
}

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
   * Linux (tcp_check_req()) and BSD answer a repeated SYN in SYN_RCVD with the SYN+ACK again;
   * RFC 9293's first check answers it with a bare ACK (the SYN is below the window).
   */
  synAckOnRepeatedSyn: boolean;
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
  /**
   * Linux: the first SYN timeouts do not back off (tcp_syn_linear_timeouts), and they add to
   * tcp_syn_retries' count (tcp_write_timeout()). 0 on rfc9293.
   */
  synLinearTimeouts: number;
  /** Linux's RTO is SRTT + max(RTTVAR·4, rto_min) (tcp_set_rto()), RFC 6298's max(SRTT + 4·RTTVAR, 1 s). */
  linuxRto: boolean;
  /** Linux's tail loss probe (RFC 8985 section 7), on connections that negotiated SACK. */
  lossProbe: boolean;
  /**
   * Linux's interactive mode (icsk_ack.pingpong): a side that sends data soon after receiving some
   * delays its ACKs instead of sending quick ones. 0: no such mode.
   */
  pingpongAtoMs: number;
  /** Linux's tcp_rfc1337: TIME_WAIT ignores a RST instead of dying of it. */
  rfc1337: boolean;
  /** The options each side offers. */
  options: Record<Side, SideOptions>;
  noTimeWait: boolean;
  twoWayHandshake: boolean;
  reuseTimeWait: boolean;
}

type Defaults = Omit<
  Behaviour,
  'noTimeWait' | 'twoWayHandshake' | 'reuseTimeWait' | 'options' | 'synLinearTimeouts' | 'rfc1337'
>;

/** The MSS both profiles announce: an Ethernet MTU of 1500 less 40 bytes of IPv4 and TCP header. */
export const DEFAULT_MSS = 1460;
/** Linux's default window-scale shift for its default receive buffer (tcp_select_initial_window()). */
export const LINUX_WINDOW_SHIFT = 7;

/** Linux 6.18's defaults for the settings a scenario's `sysctl` may change (CONTRACT.md 0.7). */
export const LINUX_SYSCTL_DEFAULTS: Required<Sysctl> = {
  tcp_syn_retries: 6,
  tcp_synack_retries: 5,
  tcp_syn_linear_timeouts: 4,
  tcp_retries2: 15,
  tcp_fin_timeout: 60,
  tcp_timestamps: 1,
  tcp_sack: 1,
  tcp_window_scaling: 1,
  tcp_rfc1337: 0,
  // Only consulted for ports the kernel picks itself; the lab's client always binds its port.
  tcp_tw_reuse: 2,
};

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
    synAckOnRepeatedSyn: false,
    quickAcks: 0,
    linuxResetErrors: false,
    linuxRto: false,
    lossProbe: false,
    pingpongAtoMs: 0,
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
    synAckOnRepeatedSyn: true,
    quickAcks: 16,
    linuxResetErrors: true,
    linuxRto: true,
    lossProbe: true,
    // TCP_ATO_MIN: data sent within the delayed-ACK timeout of data received.
    pingpongAtoMs: 40,
  },
};

function sideOptions(
  profile: ProfileName,
  sysctl: Required<Sysctl>,
  config: OptionsConfig | undefined,
): SideOptions {
  const linux = profile === 'linux';
  const mss = config?.mss ?? DEFAULT_MSS;
  const windowScale =
    config?.windowScale ?? (linux && sysctl.tcp_window_scaling === 1 ? LINUX_WINDOW_SHIFT : false);
  return {
    mss: mss === false ? null : mss,
    sackPermitted: config?.sackPermitted ?? (linux && sysctl.tcp_sack === 1),
    timestamps: config?.timestamps ?? (linux && sysctl.tcp_timestamps > 0),
    windowScale: windowScale === false ? null : windowScale,
  };
}

export function resolveBehaviour(scenario: Scenario): Behaviour {
  const profile = scenario.profile ?? 'rfc9293';
  const linux = profile === 'linux';
  const sysctl = { ...LINUX_SYSCTL_DEFAULTS, ...scenario.sysctl };
  const base: Defaults = linux
    ? {
        ...PROFILE_DEFAULTS.linux,
        synRetries: sysctl.tcp_syn_retries,
        synAckRetries: sysctl.tcp_synack_retries,
        dataRetries: sysctl.tcp_retries2,
        finWait2Ms: sysctl.tcp_fin_timeout * 1000,
      }
    : PROFILE_DEFAULTS.rfc9293;
  const timers = scenario.timers ?? {};
  const pick = (key: keyof typeof timers): number => timers[key] ?? base[key];
  return {
    ...base,
    synLinearTimeouts: linux ? sysctl.tcp_syn_linear_timeouts : 0,
    rfc1337: linux && sysctl.tcp_rfc1337 === 1,
    options: {
      client: sideOptions(profile, sysctl, scenario.client?.options),
      server: sideOptions(profile, sysctl, scenario.server?.options),
    },
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
    reuseTimeWait: scenario.whatIf?.reuseTimeWait ?? false,
  };
}
