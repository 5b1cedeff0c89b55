// How far a scenario may reach and how long a run may go. The validator refuses a scenario outside
// these ranges (validate.ts) and the engine stops a run at its guards (engine.ts); the page and the
// headless runner read the same numbers. Every run of a valid scenario ends: its retries and timers
// are bounded here, and the guards stop what a bounded scenario can still make too long.

const SECOND_MS = 1000;
const HOUR_MS = 3600 * SECOND_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The shortest duration a scenario may give other than 0: one microsecond, the finest RTO floor
 * Linux takes (net.ipv4.tcp_rto_min_us ≥ 1). Far below it, a timer added to the clock would not
 * move it (1e-300 ms), and retransmissions could go on forever without simulated time passing.
 */
export const MIN_DURATION_MS = 0.001;

/** The longest timer or delay (MSL, delayed ACK, FIN_WAIT_2, the network's delay, a fault's delay). */
export const MAX_DURATION_MS = DAY_MS;

/** The longest retransmission timeout: 30 times Linux's ceiling (TCP_RTO_MAX, 120 s). */
export const MAX_RTO_MS = HOUR_MS;

/**
 * The latest instant a scenario may name (an action's `at`, a fault's `after`, `until`): 30 days,
 * well past any connection's life. At this size the clock still counts single microseconds.
 */
export const MAX_INSTANT_MS = 30 * DAY_MS;

/** The most SYN retries: Linux's MAX_TCP_SYNCNT, the ceiling of net.ipv4.tcp_syn_retries. */
export const MAX_SYN_RETRIES = 127;

/**
 * The most SYN+ACK or data retries: net.ipv4.tcp_synack_retries and tcp_retries2 are bytes
 * (proc_dou8vec_minmax), so Linux takes at most 255.
 */
export const MAX_RETRIES = 255;

/**
 * The engine's guard against a clock that stops: this many causes (actions, arrivals, timers)
 * within one MIN_DURATION_MS of each other end the run. No valid scenario loops at one instant
 * (every timer that repeats lasts at least MIN_DURATION_MS); one comes near this only by sending
 * about a hundred megabytes at once over a network without delay (three 16 MiB sends: 53,000).
 */
export const MAX_CAUSES_PER_INSTANT = 100_000;

/**
 * The most events a run may make where a person reads it: the page keeps every event to step
 * through (past this a tab crawls or runs out of memory), and the headless runner stops there
 * unless told otherwise (`--max-events`). The engine itself has no cap unless given one.
 */
export const EVENT_CAP = 1_000_000;
