// The state-machine panel's words (src/ui/stateMachine/StateMachinePanel.tsx; a lazy namespace, see
// ../../core.ts). Keys under `states`
// use the engine's spelling (TcpState), so `t(`stateMachine.states.${state}.name`)` works.

export const stateMachine = {
  title: 'State machine',
  subtitle: 'RFC 9293, Figure 5',
  lastTransition: 'Last transition',
  lastTransitionValue: '{side}: {from} → {to}',
  noTransition: 'No transition yet',
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
