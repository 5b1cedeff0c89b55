// The state-machine panel's words (src/ui/stateMachine/StateMachinePanel.tsx; a lazy namespace, see
// ../../core.ts). Keys under `states`
// use the engine's spelling (TcpState), so `t(`stateMachine.states.${state}.name`)` works.

export const stateMachine = {
  title: 'State machine',
  subtitle: 'RFC 9293, Figure 5',
  lastTransition: 'Last transition',
  lastTransitionValue: '{side}: {from} → {to}',
  noTransition: 'No transition yet',
  // A last transition that Figure 5 draws no arrow for: no arrow is lit, and this says why.
  offFigure: {
    note: 'Not in RFC 9293’s Figure 5: {reason}.',
    other: 'the engine followed {ref}',
    unknown: 'the figure draws no arrow for it',
    reasons: {
      'retries-exhausted':
        'the retransmissions gave up and the connection was dropped (RFC 9293 §3.8.3, ETIMEDOUT)',
      'rst-received': 'a RST closed the connection (RFC 9293 §3.10.7.4)',
      'rst-refused': 'a RST refused the connection (RFC 9293 §3.10.7.4)',
      'rst-in-time-wait': 'a RST ended TIME_WAIT (RFC 9293 §3.10.7.4)',
      'abort-call': 'the application aborted the connection (ABORT, RFC 9293 §3.10.5)',
      'fin-wait-2-timeout':
        'Linux closes an orphaned FIN_WAIT_2 after tcp_fin_timeout (tcp_fin_time())',
      'no-time-wait': 'what-if: the active closer skips TIME_WAIT',
      'two-way-handshake': 'what-if: the passive side is ESTABLISHED once it sends its SYN+ACK',
      'time-wait-takeover':
        'Linux’s connect() took the port pair over from TIME_WAIT, made safe by timestamps (tcp_twsk_unique())',
      'reuse-time-wait': 'what-if: connect() took the port pair from TIME_WAIT with no protection',
      'time-wait-reopen': 'a new SYN reopened the connection in TIME_WAIT (RFC 9293 §3.10.7.4)',
      'time-wait-reopen-linux':
        'a new SYN reopened the connection in TIME_WAIT (Linux tcp_timewait_state_process())',
      'listener-drops-embryonic':
        'the listener closed and took the connection still in its handshake with it (Linux inet_csk_listen_stop())',
      'syn-in-window': 'a SYN in the window deleted the half-open connection (RFC 9293 §3.10.7.4)',
      'rst-syn-in-window':
        'Linux reset the half-open connection on a different SYN (tcp_check_req())',
    },
  },
  diagramAria: 'TCP state diagram. Client is in {client}, server is in {server}.',
  listenerAria: 'The server’s listening socket is in {listener}.',
  legend: {
    title: 'Legend',
    client: 'Client’s current state',
    server: 'Server’s current state',
    both: 'Both sides are here',
    listener:
      'The server’s listening socket: it stays in LISTEN while each connection it accepts is a new socket of its own.',
    lastTransition: 'Last transition',
    edge: 'Possible transition: event / action',
    notInFigure:
      'Dotted: rcv RST in SYN_SENT, which Figure 5 does not draw (RFC 9293 §3.10.7.3: a RST with an acceptable ACK closes the connection)',
  },
  states: {
    CLOSED: {
      name: 'CLOSED',
      short: 'No connection at all.',
    },
    LISTEN: {
      name: 'LISTEN',
      short: 'Waiting for a SYN from any peer.',
    },
    SYN_SENT: {
      name: 'SYN_SENT',
      short: 'Sent a SYN; waiting for the peer’s SYN and an ACK of ours.',
    },
    SYN_RCVD: {
      name: 'SYN_RCVD',
      short: 'Got a SYN and answered with SYN+ACK; waiting for that to be acknowledged.',
    },
    ESTABLISHED: {
      name: 'ESTABLISHED',
      short: 'Open: data flows both ways.',
    },
    FIN_WAIT_1: {
      name: 'FIN_WAIT_1',
      short: 'Sent our FIN; waiting for its ACK or the peer’s FIN.',
    },
    FIN_WAIT_2: {
      name: 'FIN_WAIT_2',
      short: 'Our FIN is acknowledged; waiting for the peer to close too.',
    },
    CLOSE_WAIT: {
      name: 'CLOSE_WAIT',
      short: 'The peer has closed; waiting for our application to close.',
    },
    CLOSING: {
      name: 'CLOSING',
      short: 'Both sides sent FINs at once; waiting for the ACK of ours.',
    },
    LAST_ACK: {
      name: 'LAST_ACK',
      short: 'Sent our FIN after the peer’s; waiting for its ACK.',
    },
    TIME_WAIT: {
      name: 'TIME_WAIT',
      short:
        'Done, but waiting 2·MSL in case the last ACK was lost and for old segments to die out.',
    },
  },
} as const;
