// One step of a run, explained: what happened and why, in one or two sentences. Keys are chosen by
// src/lab/explain/. Placeholders: {who}/{peer} (“the client”), {Who}/{Peer} (“The client”),
// {flags} (SYN+ACK), {seq}/{ack}/{replyAck} (relative numbers), {len}, {bytes}, {count}, {from}/{to}
// (states), {isn}, {rto}/{duration} (a duration with its unit: “6 s”), {result}, {call},
// {reaction}.

export const explain = {
  side: { client: 'the client', server: 'the server', listener: 'the server’s listening socket' },
  Side: { client: 'The client', server: 'The server', listener: 'The server’s listening socket' },

  app: {
    listen:
      '{Who}’s application calls listen(): its listening socket opens and waits in LISTEN for SYNs. Nothing is sent: a passive open only prepares to answer.',
    accept:
      '{Who}’s application returns from accept() with the new connection: its handshake is complete. The listening socket stays in LISTEN for the next one.',
    connect:
      '{Who} calls connect(): TCP picks its initial sequence number ({isn}) and sends a SYN carrying it, then waits in SYN_SENT for the answer.',
    connectReuse:
      '{Who} connects again from the same port while the old connection is still in TIME_WAIT, and is allowed to (reuse): the TIME_WAIT entry is dropped and a new SYN goes out with ISN {isn}, taken from the ISN clock.',
    connectInUse:
      'connect() fails with EADDRINUSE: a connection in TIME_WAIT still holds the port, and without SO_REUSEADDR it cannot be bound again yet. This is what keeps old segments from landing in a new connection.',
    connectExists:
      'connect() fails with EADDRNOTAVAIL: a connection with the same addresses and ports still exists (in TIME_WAIT), and RFC 9293 refuses to open a second one (“connection already exists”).',
    connectNoTimestamps:
      'connect() fails with EADDRNOTAVAIL: the old connection on this port pair is still in TIME_WAIT and used no TCP timestamps, so Linux could not tell its late segments from new ones and will not take the pair over.',
    connectNotAvailable:
      'connect() fails with EADDRNOTAVAIL: this address and port pair is still held by an earlier connection.',
    connectTakeover:
      '{Who} connects again from the same port while its old connection is in TIME_WAIT. That connection used timestamps, so Linux lets the new one take the port pair over: TIME_WAIT ends, and the SYN starts at ISN {isn}, above the old connection’s numbers. Late segments of the old one carry older timestamps, which PAWS will reject.',
    connectReuseWhatIf:
      'In this what-if, {who} takes the port pair from the connection in TIME_WAIT with none of the protections real stacks demand: TIME_WAIT ends and a new SYN goes out with ISN {isn}.',
    send: '{Who}’s application writes {bytes} bytes; TCP sends them right away in one segment, starting at seq {seq}, and starts the retransmission timer.',
    sendMany:
      '{Who}’s application writes {bytes} bytes; TCP cuts them into {count} segments of at most one MSS, starting at seq {seq}, and sends as many as the window allows.',
    sendQueued:
      '{Who}’s application writes data, but TCP cannot send it yet (no window or no connection): it waits in the send buffer.',
    sendFailed: 'send() fails with {result}: {who} has no open connection to send on any more.',
    shutdown:
      '{Who} calls shutdown(): it has nothing more to send, so TCP sends a FIN and moves to {to}. It can still receive: the connection is only half-closed.',
    closeActive:
      '{Who} closes first (the active close): TCP sends a FIN and moves to FIN_WAIT_1, waiting for it to be acknowledged.',
    closePassive:
      '{Who}’s application, having read the peer’s FIN, now closes too: TCP sends its own FIN and moves to LAST_ACK, waiting for the last ACK.',
    closeSynSent:
      '{Who} closes while still in SYN_SENT: the connection is simply deleted and nothing is sent.',
    closeListener: '{Who} closes its listening socket: it no longer accepts connections.',
    closeListenerStops:
      '{Who}’s application closes its listening socket ({from} → {to}): it stops accepting connections. Connections it already accepted are sockets of their own and carry on.',
    closeListenerPending:
      '{Who}’s application closes its listening socket ({from} → {to}): it stops accepting connections, and the connection still in its handshake ({state}), which accept() never returned, goes with it.',
    closeNothing: '{Who} closes a socket that has no connection: nothing to send.',
    closeQueued: '{Who} closes: its FIN will follow the data still waiting to be sent.',
    abort:
      '{Who} aborts: instead of a polite FIN it sends RST and forgets the connection at once, with no TIME_WAIT. Any unsent data is thrown away.',
    abortSilent: '{Who} aborts a connection that had nothing to reset: it is simply deleted.',
    failed: '{call}() fails with {result}.',
  },

  send: {
    'active-open': '{Who} opens the connection: a SYN with its initial sequence number.',
    'passive-open':
      'A SYN arrived at a listening socket: {who} acknowledges it (ack {ack}) and sends its own SYN in the same segment.',
    'simultaneous-open':
      '{Who} was in SYN_SENT and received the peer’s SYN: it answers SYN+ACK with its own ISN again (simultaneous open).',
    'handshake-ack':
      'The third segment of the handshake: it acknowledges the peer’s SYN (ack {ack}), so both sides know both ISNs.',
    data: '{len} bytes of application data, starting at seq {seq}.',
    ack: 'An acknowledgement sent at once: everything up to ack {ack} has arrived.',
    'delayed-ack':
      'An acknowledgement that was held back by the delayed-ACK timer, in case data could carry it.',
    fin: '{Who} has no more data to send: a FIN, which takes one sequence number (seq {seq}).',
    retransmit:
      'A retransmission: the first copy was not acknowledged before the retransmission timer expired.',
    'dup-ack':
      'A duplicate acknowledgement: the arriving segment was not the next one expected (or was old), so {who} repeats what it expects next (ack {ack}).',
    'challenge-ack':
      'A challenge ACK (RFC 5961): a RST or SYN arrived inside the window but not exactly where expected, so {who} asks the peer to prove it is in sync instead of resetting.',
    'rst-closed':
      'A segment arrived for a connection that does not exist, so {who} answers with RST.',
    'rst-listen':
      'A listening socket got an ACK for a connection it never had: it answers with RST.',
    'rst-bad-ack':
      'The segment acknowledged something {who} never sent, during the handshake: {who} answers with RST.',
    'rst-orphan-data':
      'Data arrived after {who}’s application had closed the socket: nobody can read it, so it is answered with RST (Linux).',
    'rst-syn-in-window':
      'A SYN arrived inside the window of a synchronized connection: {who} resets it.',
    abort: 'The application aborted the connection: a RST.',
    'loss-probe':
      'A tail loss probe (Linux, RFC 8985): no ACK came for a while, so {who} sends its last unacknowledged segment again before the retransmission timer fires, to learn sooner whether something was lost.',
    'paws-ack':
      'An ACK answering a segment that PAWS discarded (RFC 7323): it tells the sender what {who} really expects (ack {ack}).',
    injected: 'A hand-made segment, injected by the lesson as if {who} had sent it.',
  },

  arrive: {
    synListen:
      'The SYN reaches {who}, which is listening: it records {peer}’s ISN, replies SYN+ACK with its own ISN and ack {replyAck}, and waits in SYN_RCVD for the third segment.',
    synNewSocket:
      'The SYN reaches {who}’s listening socket, which makes a new socket for this connection; the listener itself stays in LISTEN. The new socket records {peer}’s ISN, replies SYN+ACK with its own ISN and ack {replyAck}, and waits in SYN_RCVD for the third segment.',
    synListenTwoWay:
      'The SYN reaches {who}. In this what-if the handshake has only two segments, so {who} counts the connection as ESTABLISHED as soon as its SYN+ACK leaves, without any proof that {peer} really asked for it now.',
    synSimultaneous:
      '{Who} is in SYN_SENT itself when the peer’s SYN arrives: the two SYNs crossed. It moves to SYN_RCVD and answers SYN+ACK.',
    synReopensTimeWait:
      'A new SYN arrives for a pair still in TIME_WAIT. Its sequence number is above the old connection’s, so it cannot be an old duplicate: {who} lets the new connection start.',
    synClosedPort:
      'The SYN reaches a port where nobody listens, so {who} answers RST+ACK: there is no connection to be had here.',
    synAgain:
      'Another copy of the SYN arrives while {who} is in SYN_RCVD: its SYN+ACK must have been lost, so it sends the SYN+ACK again.',
    synChallenge:
      'A SYN arrives on a synchronized connection. Rather than trust it, {who} sends a challenge ACK (RFC 5961).',
    synInWindow:
      'A SYN arrives inside the window of a synchronized connection: {who} treats it as an error and resets.',
    synAck:
      'The SYN+ACK acknowledges {who}’s SYN (ack {ack}) and carries {peer}’s ISN. {Who} is ESTABLISHED and sends the third segment to acknowledge it.',
    synAckSimultaneous:
      'The SYN+ACK acknowledges {who}’s own SYN: in a simultaneous open this completes the handshake, so {who} is ESTABLISHED.',
    synAckNoConnection:
      'The SYN+ACK answers a SYN that {who} no longer has a connection for, so {who} answers RST: this is how a three-segment handshake stops a stale connection.',
    synAckAgain:
      'A second SYN+ACK arrives after the connection is already ESTABLISHED (a retransmission): {who} simply acknowledges it again.',
    handshakeAck:
      'The ACK acknowledges {who}’s SYN (ack {ack}): now both ISNs are confirmed and {who} is ESTABLISHED too.',
    handshakeAckAccepted:
      'The ACK acknowledges {who}’s SYN (ack {ack}): both ISNs are confirmed and {who}’s new connection is ESTABLISHED. Its application’s accept() returns it; the listening socket keeps listening.',
    data: '{len} bytes arrive in order (seq {seq}); {who} acknowledges them at once with ack {replyAck}.',
    dataDelayedAck:
      '{len} bytes arrive in order (seq {seq}). {Who} delays its ACK for a moment, hoping to send it together with data.',
    dataNoAck: '{len} bytes arrive (seq {seq}); {who} does not acknowledge them yet.',
    dataDuplicate:
      'Bytes that {who} already has arrive again (seq {seq}): they are thrown away and {who} repeats ack {replyAck}, the byte it expects next.',
    outOfOrder:
      'The segment (seq {seq}) arrives ahead of a gap: an earlier one is missing. {Who} keeps it and repeats ack {replyAck}, the byte it is still waiting for.',
    ack: 'The ACK (ack {ack}) confirms what {who} sent, so {who} stops its retransmission timer.',
    ackRestart:
      'The ACK (ack {ack}) confirms part of what {who} sent; {who} restarts its retransmission timer for the rest.',
    ackProbe:
      'The ACK (ack {ack}) confirms what {who} sent, so {who} stops its loss-probe timer: nothing needs probing.',
    ackProbeAgain:
      'The ACK (ack {ack}) confirms part of what {who} sent; {who} re-arms its loss-probe timer for the rest.',
    ackNothing: 'The ACK (ack {ack}) arrives; there is nothing new for {who} to do.',
    dupAckIgnored: 'A duplicate ACK arrives; {who} has nothing to resend.',
    ackUnacceptable:
      'The segment does not fit what {who} expects (its ack or seq is out of range), so {who} drops it and answers with the numbers it does expect.',
    ackAtListen:
      'A segment with an ACK reaches a listening socket that has no connection for it: {who} answers RST so the sender stops.',
    badAck: 'The segment acknowledges something {who} never sent: {who} answers with RST.',
    challenge:
      'Something arrived that could be an attack (RFC 5961): instead of acting on it, {who} sends a challenge ACK with its real numbers.',
    noConnection: 'The segment belongs to no connection {who} knows, so it answers with RST.',
    dataAfterClose:
      'Data arrives after {who}’s application has closed: nobody will ever read it, so {who} resets the connection (Linux).',
    fin: 'The FIN says {peer} has no more data. {Who} acknowledges it (ack {replyAck}) and moves to CLOSE_WAIT; its own application may still send before it closes.',
    finAndClose:
      'The FIN arrives; {who} acknowledges it, and its application, seeing end-of-file, closes at once: {who} sends its own FIN and waits in LAST_ACK.',
    finDelayedAckClose:
      'The FIN arrives. Linux holds its ACK back for a few tens of ms, and meanwhile the application reads end-of-file and closes, so one FIN+ACK carries both the ACK and the FIN: three segments instead of four.',
    finSimultaneous:
      '{Who} is still waiting for its own FIN to be acknowledged when the peer’s FIN arrives: both closed at once. It acknowledges it and moves to CLOSING.',
    ackOfFinClosing:
      'The ACK of {who}’s FIN arrives in CLOSING: both directions are now closed, and {who} enters TIME_WAIT for 2·MSL.',
    finTimeWait:
      'The peer’s FIN arrives and {who}’s own FIN is already acknowledged: {who} sends the last ACK and enters TIME_WAIT, staying 2·MSL in case that ACK is lost.',
    finNoTimeWait:
      'The peer’s FIN arrives; {who} sends the last ACK and, in this what-if with no TIME_WAIT, forgets the connection at once.',
    finAgainTimeWait:
      'The FIN arrives again: {peer} never got the last ACK. Because {who} is still in TIME_WAIT it can answer with the ACK again, and it restarts its 2·MSL timer.',
    finAgainTimeWaitNoRestart:
      'The FIN arrives again while {who} is in TIME_WAIT; {who} acknowledges it once more.',
    finNoConnection:
      'The retransmitted FIN finds no connection: {who} has already forgotten it, so it can only answer with RST. TIME_WAIT exists to answer this FIN with an ACK instead.',
    ackOfFin:
      'The ACK acknowledges {who}’s FIN: its direction is closed, and {who} waits in FIN_WAIT_2 for the peer’s FIN. It can still receive data.',
    lastAck:
      'The last ACK acknowledges {who}’s FIN: the connection is closed for {who}, with no waiting: the other side is the one in TIME_WAIT.',
    rstRefused:
      'RST answers the SYN: nobody listens on that port. connect() fails with ECONNREFUSED at once, with no retry.',
    rstBackToListen:
      'RST during the handshake: the connection attempt is cancelled and {who} goes back to LISTEN, no harm done.',
    rstReset:
      'RST arrives and is in the window, so {who} drops the connection at once ({from} → CLOSED). Its application will see ECONNRESET.',
    rstEmbryonic:
      'RST during the handshake: {who} deletes the new connection’s socket ({from} → CLOSED) before accept() ever returned it. The listening socket is not affected and stays in LISTEN.',
    rstWhileClosing:
      'RST arrives while {who} is closing ({from}): the connection is dropped at once.',
    rstChallenge:
      'A RST arrives inside the window but not exactly at the expected number: {who} does not trust it and sends a challenge ACK (RFC 5961).',
    rstTimeWait:
      'A RST arrives in TIME_WAIT; {who} ignores it and keeps waiting (RFC 1337), so that a stray RST cannot cut TIME_WAIT short.',
    rstIgnored: 'The RST does not match the connection’s numbers, so {who} ignores it.',
    oldDataAccepted:
      'An old segment from the previous connection arrives (seq {seq} of that one). Its sequence numbers happen to fall in the new connection’s window, so {who} accepts its bytes as new data and acknowledges up to {replyAck}: data the peer never sent on this connection.',
    oldNoConnection:
      'A segment of the earlier connection arrives late. No connection can take it, so {who} answers RST and it does no harm.',
    oldSyn:
      'An old duplicate SYN arrives. {Who} answers SYN+ACK and waits in SYN_RCVD; the third segment will never come, because {peer} did not ask for this connection.',
    oldSynTwoWay:
      'An old SYN, delayed in the network long after {peer} gave up, reaches {who}. With a two-segment handshake {who} is ESTABLISHED at once: a phantom connection nobody asked for.',
    oldIgnored:
      'An old segment from an earlier connection arrives; it does not fit the current numbers and {who} ignores it.',
    paws: '{Who} discards the segment: its timestamp is older than the last one seen on this connection, so PAWS (RFC 7323) takes it for an old duplicate.',
    pawsAcked:
      '{Who} discards the segment: its timestamp is older than the last one seen on this connection, so PAWS (RFC 7323) takes it for an old duplicate. {Who} answers with an ACK of what it expects (ack {replyAck}).',
    outOfWindow: 'The segment lies outside {who}’s receive window, so it is discarded.',
    outOfWindowAcked:
      'The segment lies outside {who}’s receive window, so it is discarded; {who} answers with an ACK of what it expects (ack {replyAck}).',
    noConnectionSilent:
      'No connection at {who} matches this segment, so it is discarded without an answer.',
    duplicateAnswered:
      'A second copy of the same segment arrives (the network duplicated it); {who} answers with what it already knows.',
    duplicateIgnored:
      'A second copy of the same segment arrives (the network duplicated it); {who} already has it and ignores it.',
    injected: 'A hand-made segment ({flags}) arrives at {who}; {who} reacts with {reaction}.',
    injectedIgnored: 'A hand-made segment ({flags}) arrives at {who}; it changes nothing.',
    nothing: 'The {flags} segment arrives at {who}; it changes nothing.',
  },

  drop: {
    fault:
      'The network loses this {flags} segment (the lesson makes it happen). {Who} does not know yet: only its retransmission timer will tell.',
    loss: 'The network loses this {flags} segment (random loss). {Who} will find out when its retransmission timer expires.',
    ackFault:
      'The network loses this ACK (the lesson makes it happen). Nobody retransmits a bare ACK: {peer} will notice only because its own segment stays unacknowledged.',
    ackLoss:
      'The network loses this ACK (random loss). Nobody retransmits a bare ACK; a later segment or a retransmission will make up for it.',
    rst: 'The network loses the RST. A RST is never retransmitted or acknowledged.',
  },

  timer: {
    retransmitSyn:
      'No SYN+ACK came back before the retransmission timer expired, so {who} sends the SYN again and doubles its timeout to {rto} (exponential backoff).',
    retransmitSynAck:
      'The handshake’s third segment did not come in time, so {who} sends its SYN+ACK again and doubles its timeout to {rto}.',
    retransmitFin:
      'The FIN was not acknowledged in time, so {who} sends it again (same seq {seq}) and doubles its timeout to {rto}.',
    retransmitData:
      'The segment at seq {seq} was not acknowledged in time, so {who} sends it again and doubles its timeout to {rto}.',
    retransmitNothing: '{Who}’s retransmission timer fires; there is nothing left to resend.',
    connectTimeout:
      '{Who} has tried the SYN as often as it may and no answer came: connect() fails with ETIMEDOUT and the attempt is abandoned.',
    giveUp:
      '{Who} has retransmitted as often as it may without an acknowledgement: it gives up and drops the connection ({state} → CLOSED).',
    lossProbe:
      '{Who}’s loss-probe timer fires (Linux’s tail loss probe): no ACK has come for a while, so it sends its last unacknowledged segment ({flags}, seq {seq}) again now instead of waiting for the retransmission timer.',
    lossProbeNothing: '{Who}’s loss-probe timer fires; there is nothing left to probe with.',
    timeWait:
      '2·MSL ({duration}) have passed in TIME_WAIT: any segment of the old connection has died out by now, so {who} forgets the connection and the port pair may be used again.',
    finWait2:
      '{Who} waited in FIN_WAIT_2 for the peer’s FIN too long with no application to notice: the connection is dropped.',
    delayedAck:
      'The delayed-ACK timer expires with no data to carry the ACK, so {who} sends it on its own (ack {ack}).',
    delayedAckNothing: 'The delayed-ACK timer expires; the ACK was already sent.',
  },

  other: {
    nothing: 'Nothing visible happens in this step.',
  },
} as const;
