// What each step did and why, in one sentence per engine rule (src/engine/rules.ts): a step says
// the sentences of the rules its events name, filled with facts of those events. One template per
// rule, no more, no fewer (a test holds the two lists together), and phrases (`facts`) that fill
// them. Placeholders: {who}/{peer} (“the client”), {Who}/{Peer} (“The client”); the arriving or
// lost segment's {flags}, {seq}, {ack}, {len}, {end} (the number that acknowledges all of it); the
// segment the subject sent, {sentFlags}, {sentSeq}, {sentAck}, {sentLen}; {from}/{to} (states);
// {call}, {result}; {isn} (as on the wire), {isnNext}, {finAck}; {bytes}, {count}, {dataSeq};
// {timer}, {duration} (with its unit: “6 s”); {options}. Numbers are relative to each side's ISN
// or as on the wire, as the reader chose.

export const explain = {
  side: { client: 'the client', server: 'the server', listener: 'the server’s listening socket' },
  Side: { client: 'The client', server: 'The server', listener: 'The server’s listening socket' },

  rules: {
    // ---- opening ----
    listen:
      '{Who}’s application calls listen(): its listening socket opens in LISTEN and waits for SYNs. Nothing is sent: a passive open only prepares to answer.',
    'active-open':
      '{Who} calls connect(): TCP picks an initial sequence number, ISN {isn}, sends a SYN carrying it and waits in SYN_SENT. A SYN takes one sequence number, so the answer must acknowledge ISN + 1{isnNote}.',
    'syn-to-listener':
      'The SYN reaches {who}’s listening socket, which makes a new socket for this connection and itself stays in LISTEN. The new socket notes {peer}’s ISN (seq {seq}) and answers SYN+ACK with its own ISN and ack {end}: the SYN took one sequence number.{waits}',
    'syn-ack-received':
      'The SYN+ACK acknowledges {who}’s SYN (ack {ack}: its ISN + 1) and carries {peer}’s ISN (seq {seq}). {Who} moves SYN_SENT → ESTABLISHED and sends the third segment, ack {end}, to confirm {peer}’s ISN in turn.{connected}',
    'simultaneous-open':
      '{Who} is in SYN_SENT itself when {peer}’s SYN arrives: the two SYNs crossed (a simultaneous open). It moves to SYN_RCVD and answers SYN+ACK, repeating its own ISN and acknowledging {peer}’s (ack {sentAck}).',
    'handshake-ack':
      'The segment acknowledges {who}’s SYN (ack {ack}): both ISNs are now confirmed, and {who} moves {from} → ESTABLISHED.',
    accept:
      'accept() returns the new connection to {who}’s application. The listening socket stays in LISTEN for the next one.',
    'two-way-handshake':
      'In this what-if the handshake has only two segments: {who} counts the connection as ESTABLISHED as soon as its SYN+ACK leaves, with no proof that {peer} wants this connection now.',
    'syn-options': 'The SYN+ACK carries the TCP options {who} offers in return: {options}.',

    // ---- data and acknowledgements ----
    'send-data': '{data}',
    'ack-at-once': '{arrived} {Who} acknowledges at once: ack {sentAck}.',
    'ack-partial':
      'The ACK (ack {ack}) covers only part of what {who} has sent; data is still unacknowledged, so {who} restarts its {timer} timer from now ({duration}) instead of stopping it.',
    'dup-ack-received':
      'The ACK (ack {ack}) acknowledges nothing new while {who} still has data unacknowledged: a duplicate ACK, number {count} in a row. {duplicates}',
    'ack-nothing-new':
      'The ACK (ack {ack}) acknowledges nothing new, and {who} has nothing unacknowledged: there is nothing for it to do.',
    'ack-of-unsent':
      'The segment acknowledges {ack}, beyond anything {who} has sent (SEG.ACK > SND.NXT): it cannot belong to this connection’s present. {Who} drops it. {answer}{late}',
    'out-of-order':
      'The segment (seq {seq}) is not the next one {who} expects: an earlier one is missing. {Who} repeats ack {sentAck}, the first byte it is still waiting for (a duplicate ACK).',
    'delayed-ack':
      '{arrived} {Who} holds its ACK back for up to {duration} (a delayed ACK), hoping to send it together with data of its own.',
    'delayed-ack-expired': 'The delayed-ACK timer expires. {delayed}',
    'quick-ack':
      '{arrived} Linux acknowledges at once (ack {sentAck}): a new connection starts in quick-ACK mode, so its first ACKs are not delayed.',
    pingpong:
      '{arrived} Linux holds this ACK back for up to {duration} (interactive mode): it expects to send something soon, and the ACK can ride along.',
    'after-fin':
      '{Who} has already received {peer}’s FIN, and nothing can follow a FIN: the segment (seq {seq}) is a repeat, and {who} answers with ack {sentAck}.',
    'challenge-ack':
      'A SYN arrives on a synchronized connection. Rather than trust it, {who} sends a challenge ACK with its real numbers (ack {sentAck}), as RFC 5961 says: a peer that really restarted will answer it with a RST.',
    'rst-challenge':
      'A RST arrives inside the window but not exactly at the next expected number. A RST resets only when its sequence number matches exactly (RFC 5961), so {who} does not trust it and sends a challenge ACK (ack {sentAck}) instead.',

    // ---- closing ----
    'app-close': '{Who}’s application calls {call}().{close}',
    'close-call':
      '{Who} sends a FIN (seq {sentSeq}): it has nothing more to send. Like a SYN, the FIN takes one sequence number, so its ACK will be {finAck}. {Who} moves {from} → {to} and can still receive.',
    'passive-close':
      '{Who} sends its own FIN (seq {sentSeq}; its ACK will be {finAck}): its side of the connection is closed too. It moves CLOSE_WAIT → LAST_ACK to wait for that last ACK.',
    'close-in-syn-sent':
      '{Who} gives up its connection attempt while still in SYN_SENT: the connection is simply deleted and nothing is sent.',
    'fin-received':
      'The FIN says {peer} has no more data to send. Like a SYN it takes one sequence number, so the ACK for it is {finAck}.{moves} {afterFin}',
    'fin-acked': 'The ACK (ack {ack}) covers {who}’s FIN. {finAcked}',
    'time-wait':
      '{Who} stays in TIME_WAIT for 2·MSL ({duration}) before it forgets the connection.',
    'time-wait-restart':
      'The FIN arrives again: {peer} never got the last ACK. {Who} is still in TIME_WAIT, so it can answer with that ACK again (ack {sentAck}) and starts its TIME_WAIT timer over ({duration}).',
    'time-wait-expired':
      '{Who} has been in TIME_WAIT for {duration}: any segment of the old connection has died out by now, so it forgets the connection and the four-tuple may be used again.',
    'linux-time-wait':
      'Linux keeps the TIME_WAIT socket for a fixed {duration} (TCP_TIMEWAIT_LEN), whatever the MSL.',
    'fin-wait-2-timeout':
      '{Who} has waited {duration} in FIN_WAIT_2 for {peer}’s FIN with no application left to read it: Linux drops the orphaned connection (tcp_fin_timeout) without sending anything.',
    'listener-close':
      '{Who}’s application closes its listening socket (LISTEN → CLOSED): no new connection will be accepted. Connections it already accepted are sockets of their own and carry on.',
    'listener-drops-embryonic':
      'The connection still in its handshake (SYN_RCVD), which accept() never returned, belonged to the listening socket and goes with it.',
    'no-time-wait':
      'In this what-if with no TIME_WAIT, {who} forgets the connection as soon as it has sent the last ACK ({from} → CLOSED).',

    // ---- resets ----
    'abort-call':
      '{Who}’s application aborts the connection (with sockets: close() after setting SO_LINGER to l_onoff = 1, l_linger = 0). {abort}',
    'socket-error': '{call}() fails with {result}: {who}’s connection is gone. {error}',
    'rst-closed':
      '{Who} answers with {sentFlags}: a segment for a connection that does not exist gets a RST, unless it is a RST itself.',
    'rst-listen':
      '{Who} answers with a RST whose seq is the segment’s ack ({sentSeq}), so that its sender learns there is no such connection.',
    'rst-bad-ack':
      'The segment acknowledges {ack}, something {who} never sent, while its connection is not yet synchronized. {answer}',
    'rst-refused':
      'The RST answers {who}’s SYN: nothing accepts connections on that port. The attempt is deleted ({from} → CLOSED).{refused}',
    'rst-received':
      'The RST is in the window, exactly at the next expected sequence number, so {who} drops the connection at once ({from} → CLOSED). An application still holding the socket learns of the reset on its next call.',
    'rst-in-time-wait':
      'A RST at exactly the next expected number arrives in TIME_WAIT and ends it: RFC 9293 closes a connection on an acceptable RST in any state, and Linux does the same with its default tcp_rfc1337 = 0. RFC 1337 calls this TIME_WAIT assassination; with tcp_rfc1337 = 1 Linux ignores such a RST.',
    'rst-embryonic':
      'The RST cancels the connection still in its handshake: {who} deletes that new socket ({from} → CLOSED) before accept() ever returned it. The listening socket is not affected and stays in LISTEN.',
    'rst-syn-in-window':
      'A SYN arrives inside the window of a connection still in its handshake: Linux takes it as an error, answers with a RST and deletes the connection.',
    'syn-in-window':
      'A SYN arrives inside the window of a connection still in its handshake: RFC 9293 returns a passive open to LISTEN, so this new socket is deleted without an answer, and the listening socket carries on.',
    'rst-without-ack':
      'A RST without an ACK arrives in SYN_SENT: nothing ties it to {who}’s SYN, so {who} drops it.',
    'no-ack-bit':
      'The segment has no ACK bit: on a synchronized connection every segment must carry one, so {who} drops it.',
    'syn-sent-no-syn':
      '{Who} is in SYN_SENT and the segment carries neither SYN nor RST: it cannot complete the handshake, so {who} drops it.',
    'rst-orphan-data':
      'Data arrives after {who}’s application closed the socket: nobody will ever read it, so Linux answers with a RST and deletes the connection.',
    'rfc1337-ignore-rst':
      'A RST arrives in TIME_WAIT and {who} ignores it: with tcp_rfc1337 = 1, Linux does not let a RST cut TIME_WAIT short (RFC 1337).',

    // ---- retransmission ----
    rto: '{Who} starts its retransmission timer ({duration}).',
    'rto-expired': '{Who}’s retransmission timer expires. {rtx}',
    'rto-linux':
      '{Who} starts its retransmission timer ({duration}), as Linux computes it: SRTT + max(4·RTTVAR, 200 ms).',
    'rto-backoff': 'Its timeout doubles to {duration} (exponential backoff).',
    'syn-linear-timeout':
      'Linux keeps the SYN’s timeout at {duration} instead of doubling it: its first retries are linear (tcp_syn_linear_timeouts).',
    'retransmit-go-back':
      'The ACK shows that the next segment (seq {sentSeq}) was lost too: after a timeout {who} resends what is still unacknowledged, so it sends that one again at once.',
    'fast-retransmit':
      '{Who} sends seq {sentSeq} again before any timer expired: duplicate ACKs told it the segment was lost (fast retransmit, RFC 5681).',
    'syn-repeated':
      'Another copy of {peer}’s SYN arrives while {who} is in SYN_RCVD: its SYN+ACK must have been lost, so {who} sends the SYN+ACK again at once. This is what Linux and BSD do; RFC 9293 answers a repeated SYN with a bare ACK instead.',
    'duplicate-syn':
      'Another copy of {peer}’s SYN arrives while {who} is in SYN_RCVD. The SYN has been counted already, so its number lies below the window, and RFC 9293’s first check applies. {answer} The SYN+ACK goes again only when {who}’s own retransmission timer expires (Linux and BSD would resend it at once).',
    'loss-probe': '{Who} arms Linux’s tail-loss-probe timer ({duration}).',
    'loss-probe-sent':
      '{Who}’s loss-probe timer fires (Linux’s tail loss probe, RFC 8985). {probe}',
    'retries-exhausted':
      '{Who} has retransmitted as often as it may with no acknowledgement: it gives up and deletes the connection ({from} → CLOSED) without sending a RST.{gaveUp}',
    'all-acked':
      'The ACK (ack {ack}) covers everything {who} has sent, so {who} stops its {timer} timer: nothing is unacknowledged.',
    'connection-gone': '{Who}’s timers stop: the connection is gone.',

    // ---- port reuse and timestamps ----
    'bind-in-use': '{call}() fails with EADDRINUSE: {bind}',
    'four-tuple-in-use':
      'connect() fails with EADDRNOTAVAIL: the same addresses and ports still name a connection, the old one in TIME_WAIT, and RFC 9293 refuses to open a second (“connection already exists”). SO_REUSEADDR only let bind() share the port.',
    'time-wait-takeover':
      '{Who} connects again from the same port while its old connection is in TIME_WAIT. That connection used timestamps, so Linux lets the new one take the four-tuple over: TIME_WAIT ends, and the new connection starts past the old one’s numbers (its ISN is the old connection’s next sequence number + 65537). Late segments of the old one carry older timestamps, which PAWS will reject.',
    'time-wait-no-timestamps':
      'connect() fails with EADDRNOTAVAIL: the old connection with these addresses and ports is still in TIME_WAIT and used no timestamps, so Linux could not tell its late segments from new ones and will not take the four-tuple over.',
    'time-wait-reopen':
      'A new SYN arrives for the four-tuple {who} holds in TIME_WAIT. Its sequence number (or timestamp) is newer than anything the old connection used, so it cannot be an old duplicate: TIME_WAIT ends and the listening socket starts the new connection (RFC 6191).',
    'time-wait-reopen-linux':
      'A new SYN arrives for the four-tuple {who} holds in TIME_WAIT, newer than anything the old connection used. Linux ends TIME_WAIT and starts the new connection at ISN {isn}, the old connection’s next sequence number + 65537.',
    'reuse-time-wait':
      'In this what-if, {who} takes the four-tuple from its connection in TIME_WAIT with none of the protections real stacks demand: TIME_WAIT ends, the new connection takes its ISN from the ISN clock, and no PAWS will reject old segments.',
    paws: '{Who} discards the segment: its timestamp is older than the last one seen on this connection, so PAWS (RFC 7323) takes it for an old duplicate. {answer}{late}',
    'out-of-window':
      'The {flags} segment (seq {seq}) lies outside {who}’s receive window, so {who} discards it. {answer}{late}',
    'no-connection': 'The {flags} segment finds no connection at {who}.{noConnection}{late}',
    'listener-gets-ack':
      'The {flags} segment reaches {who}’s listening socket, which has no connection it could belong to: a listening socket only takes SYNs.{late}',

    // ---- the network and the scenario ----
    fault:
      'The network loses this {flags} segment from {who}: the lesson drops it here. {recovery}',
    'random-loss': 'The network loses this {flags} segment from {who} (random loss). {recovery}',
    injected:
      'A hand-made {sentFlags} segment (seq {sentSeq}) is injected by the lesson, as if {who} had sent it.',
  },

  /** Phrases that fill the sentences above, chosen by facts of the event. */
  facts: {
    arrived: {
      data: '{len} bytes arrive in order (seq {seq}).',
      oldData:
        'A late segment of the earlier connection arrives: {len} bytes, seq {seq} of that connection. Its numbers happen to fall in the new connection’s window, so {who} takes them as new data, bytes {peer} never sent on this connection.',
      fin: 'The FIN arrives.',
    },
    connected: { yes: ' Its connect() returns.' },
    moves: { yes: ' {Who} moves {from} → {to}.' },
    duplicates: {
      below:
        'That is below the fast-retransmit threshold of three (RFC 5681), so {who} does not resend anything yet.',
      threshold:
        'Three in a row is the fast-retransmit threshold of RFC 5681: a stack that implements it resends the missing segment now; this lab’s simulated engine does not, and leaves it to the retransmission timer.',
    },
    waits: { synRcvd: ' It waits in SYN_RCVD for the third segment.' },
    late: {
      yes: ' It is a late segment of the earlier connection on this four-tuple.',
    },
    isnNote: {
      relative: ', shown as {isnNext}: the diagram counts each side’s numbers from its ISN',
      absolute: ' = {isnNext}',
    },
    data: {
      written:
        '{Who}’s application writes data; TCP sends {bytes} bytes in one segment, seq {dataSeq}.',
      writtenMany:
        '{Who}’s application writes data; TCP cuts it into {count} segments of at most one MSS, {bytes} bytes from seq {dataSeq}, as far as {peer}’s window allows.',
      queued:
        '{Who}’s application writes data, but TCP cannot send it yet (no connection yet, or no window): it waits in the send buffer.',
      later: '{Who} now sends {bytes} bytes its application wrote earlier, seq {dataSeq}.',
      laterMany:
        '{Who} now sends {bytes} bytes its application wrote earlier, in {count} segments from seq {dataSeq}.',
    },
    delayed: {
      sent: '{Who} sends the ACK it held back: ack {sentAck}.',
      none: 'The ACK it was holding has already gone out with another segment.',
    },
    timer: {
      retransmit: 'retransmission',
      'loss-probe': 'loss-probe',
      'time-wait': 'TIME_WAIT',
      'fin-wait-2': 'FIN_WAIT_2',
      'delayed-ack': 'delayed-ACK',
    },
    close: {
      queued: ' Its FIN will follow once the data still waiting has been sent.',
      done: ' It has already sent its FIN, so nothing more goes out.',
      gone: ' Its connection is already gone, so nothing is sent.',
    },
    afterFin: {
      closeWait: 'Its own application may still send data before it closes.',
      timeWait:
        'Its own FIN was acknowledged already, so this ACK is the last segment of the connection; {who} waits in TIME_WAIT in case it is lost.',
      closing: 'Its own FIN is not acknowledged yet: both sides are closing at once.',
    },
    finAcked: {
      finWait2:
        'That direction is closed: {who} moves to FIN_WAIT_2 and waits for {peer}’s FIN, still able to receive.',
      timeWait: 'Both directions are closed now: {who} moves CLOSING → TIME_WAIT and waits there.',
      closed:
        'Both directions are closed and {who} has nothing left to wait for ({from} → CLOSED). The side that closed first is the one that waits in TIME_WAIT.',
    },
    abort: {
      rst: 'TCP sends a RST (seq {sentSeq}) instead of a FIN, throws away any unsent data and forgets the connection at once, with no TIME_WAIT.',
      silent: 'There is nothing to reset at the peer, so the connection is simply deleted.',
    },
    error: {
      ECONNRESET: 'It was reset by a RST, and the first call after that reports it.',
      EPIPE: 'Sending on a connection that can no longer send is a broken pipe.',
      ETIMEDOUT: 'It timed out: its retransmissions went unanswered.',
      ECONNREFUSED: 'Its connection attempt was refused.',
    },
    answer: {
      ack: '{Who} answers with an ACK of what it expects (ack {sentAck}).',
      limited: 'It sent such an answer very recently, so this one goes unanswered (rate limit).',
      rst: 'Nobody answers a RST.',
      rstSent: '{Who} answers with a RST (seq {sentSeq}).',
    },
    refused: { call: ' connect() fails with {result} at once, with no retry.' },
    rtx: {
      sent: 'Its {sentFlags} (seq {sentSeq}) is still unacknowledged, so {who} sends it again.',
      sentData:
        'Its segment at seq {sentSeq} ({sentLen} bytes) is still unacknowledged, so {who} sends it again.',
      none: 'There is nothing left to resend.',
    },
    probe: {
      sent: 'No ACK has come for a while, so {who} sends its last unacknowledged segment ({sentFlags}, seq {sentSeq}) again now, instead of waiting for the retransmission timer: its ACK will show sooner whether something was lost.',
      none: 'Nothing is left to probe with.',
    },
    gaveUp: { connect: ' connect() fails with ETIMEDOUT.' },
    bind: {
      timeWait:
        'the port is still held by the old connection in TIME_WAIT, and without SO_REUSEADDR bind() may not share it. This is what keeps old segments out of a new connection.',
      busy: 'the port is in use by a socket that is still open.',
    },
    options: { none: 'none' },
    noConnection: {
      rst: ' It is a RST, which is never answered, so it is simply dropped.',
      silent: ' It is dropped without an answer.',
    },
    recovery: {
      timer: '{Who} does not know yet: only its retransmission timer will tell.',
      bareAck:
        'Nobody retransmits a bare ACK: a later segment, or {peer}’s own retransmission, has to make up for it.',
      rst: 'A RST is never retransmitted.',
    },
  },

  /** A step whose events name no rule (a capture's bare arrival). */
  nothing: 'The {flags} segment arrives at {who}; the trace shows no reaction to it.',
} as const;
