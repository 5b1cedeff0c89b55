// The page's own words: controls, settings, diagram, messages. The segment inspector's and the
// state-machine panel's are namespaces of their own (./inspector.ts, ./stateMachine.ts), loaded later.
// English is the source of truth (see ../../types.ts). Keys name what the text is for, not where
// it sits; {name} placeholders are filled in by `t(key, { name })`.
//
// Keys that mirror engine values use the engine's spelling, so a component can write
// `t(`ui.timers.${timer}`)` or `t(`ui.fates.${fate}`)` directly:
// sides (client | server), TimerName (time-wait...), SegmentFate
// (in-flight | delivered | dropped), ProfileName (rfc9293 | linux).

export const ui = {
  app: {
    title: 'Handshake Lab',
    tagline:
      'Watch TCP open and close a connection, one segment at a time, and break it on purpose.',
    skipToDiagram: 'Skip to the diagram',
    embedTitle: 'Handshake Lab: {lesson}',
    footer: 'Behaviour follows RFC 9293, with a Linux profile where Linux differs.',
  },

  status: {
    runningShort: 'Running…',
    empty: 'Nothing happens in this run.',
  },

  sides: {
    client: 'Client',
    server: 'Server',
    listener: 'Listener',
  },

  controls: {
    groupLabel: 'Step controls',
    stepForward: 'Step forward',
    stepBack: 'Step back',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    speed: 'Speed',
    speedValue: '{speed}×',
    scrubber: 'Position in the run',
    predictMode: 'Predict',
    scrubberValue: 'Step {n} of {total}',
    stepCounterLabel: 'Step {n} of {total}',
    atEnd: 'End of the run.',
    simTime: 'Simulated time: {time}',
  },

  keyboard: {
    hint: '→ next step · ← previous step · Space play or pause · R reset · F whole run',
  },

  camera: {
    fit: 'Whole run',
    more: 'More options',
    fitTitle: 'Fit every arrow of the run into view (F)',
    minimap: 'Overview of the run: the current step is marked; click to go to a step',
    knobEffect: 'This change first shows at step {step}.',
    knobEffectGo: 'Go to step {step}',
    knobEffectNone: 'This change leaves the run as it was.',
    fitPicture:
      'At this size the arrows are too close to tell apart: they are drawn as one picture, and only this step’s can be clicked. Leave the whole-run view (F) to click any arrow.',
  },

  lesson: {
    pickerLabel: 'Lesson',
    custom: 'Custom scenario',
    fromLink: 'Scenario from a link',
  },

  settings: {
    title: 'Settings',
    whatIf: 'What if…',
    profile: {
      label: 'Behaviour',
      rfc9293: 'RFC 9293',
      linux: 'Linux',
      help: 'RFC 9293 is the standard; Linux delays some ACKs, uses a 60 s TIME_WAIT and sends RST in a few more cases.',
    },
    msl: {
      label: 'MSL (maximum segment lifetime)',
      unit: 'seconds',
      value: '{seconds} s',
      help: 'TIME_WAIT lasts twice the MSL. RFC 9293 assumes 2 minutes.',
    },
    lossRate: {
      label: 'Loss rate',
      unit: '%',
      value: '{percent} %',
      help: 'Each segment is lost with this probability, decided by the seed.',
    },
    seed: {
      label: 'Seed',
      help: 'The same seed gives the same losses, so a run can be repeated and shared.',
      shuffle: 'New seed',
    },
    dropFinalAck: {
      label: 'Drop the final ACK',
      help: 'The ACK that answers the passive closer’s FIN is lost, so the FIN is sent again.',
    },
    reusePort: {
      label: 'Reuse the port (SO_REUSEADDR)',
      help: 'On, the client’s later connects set SO_REUSEADDR, and a lesson that connects only once reconnects from the same port soon after the peer’s FIN ends its close. Off, bind() fails with EADDRINUSE while TIME_WAIT holds the port.',
      byProfile: {
        linux:
          'Linux: bind() may then take a port held by TIME_WAIT, and connect() takes over the old connection only because it used timestamps: the new ISN is the old SND.NXT + 65537 and PAWS drops old duplicates. Without timestamps connect() fails with EADDRNOTAVAIL.',
        rfc9293:
          'RFC 9293: SO_REUSEADDR only lets bind() succeed; connect() is refused with EADDRNOTAVAIL, because the old connection still exists in TIME_WAIT.',
      },
    },
    seqNumbers: {
      label: 'Sequence numbers',
      relative: 'Relative',
      absolute: 'Absolute',
      help: 'Relative numbers count from each side’s initial sequence number (ISN).',
    },
    timeScale: {
      label: 'Time axis to scale',
      warped:
        'Off: every instant gets a row and longer gaps grow more slowly (logarithmically), so arrows are not to scale; the marks in the time gutter show where the scale changes.',
      linear:
        'On: down the diagram, time is linear (one scale, marked in the gutter), so an arrow’s slant is its delay; idle stretches are cut at marked breaks.',
    },
    theme: {
      label: 'Theme',
      system: 'System',
      light: 'Light',
      dark: 'Dark',
    },
    language: {
      label: 'Language',
      unknownNote: 'The language “{lang}” is not available; the page is shown in {language}.',
    },
    restore: 'Restore the lesson’s settings',
    // Beside a knob that changes nothing in the run shown (it is disabled, never silently ignored).
    notApplicable: {
      'no-final-ack': 'This run has no final ACK to drop: no side closes after the other’s FIN.',
      'final-ack-lost': 'The final ACK is already lost in this run.',
      'no-reconnect': 'Nothing in this lesson connects again.',
      'reconnect-unaffected':
        'The client’s port is free when it connects again, so SO_REUSEADDR changes nothing.',
      'no-time-wait': 'No connection reaches TIME_WAIT here, and the MSL only sets its length.',
      'no-loss': 'The seed only decides which segments are lost, and the loss rate is 0.',
      'no-segments': 'No segment crosses the network here, so none can be lost.',
      'same-run': 'Both behaviours give this lesson exactly the same run.',
    },
  },

  diagram: {
    label: 'Sequence diagram of the connection',
    timeAxis: 'time ↓',
    scaleLinear: 'to scale: 1 mark = {unit}',
    scaleWarped: 'not to scale',
    compressedBreak: '≈ {duration} later',
    compressedBreakLabel: 'Time axis compressed: about {duration} pass here with nothing sent.',
    segmentAria:
      'Segment {id}, {from} to {to}: {flags}, seq {seq}, ack {ack}, {len} bytes of data, {fate}',
    stateBadge: '{side}: {state}',
    stateBadgeAria: '{side} enters {state} at {time}',
    currentState: '{side} state',
    dropThis: 'Drop this segment',
    listenerState: 'The server’s listening socket: {state}',
    listenerLine: 'The server’s listening socket, in LISTEN from {from}',
    newSocket: 'new socket',
    newSocketAria:
      'At {time} the listener makes a new socket for a connection; the listener stays in LISTEN',
    appCallAria: '{owner}: {call}() returns {result} at {time}',
    timerDue: 'due {time}',
    segmentsGroup: 'Segments (click one to inspect it, or to drop it while in flight)',
    clickToInspect: 'Click to inspect this segment',
    appOwners: {
      client: 'Client application',
      server: 'Server application',
      listener: 'Server application, listening socket',
    },
  },

  timers: {
    retransmit: 'Retransmission',
    'time-wait': 'TIME_WAIT (2·MSL)',
    'fin-wait-2': 'FIN_WAIT_2',
    'delayed-ack': 'Delayed ACK',
    'loss-probe': 'Loss probe',
  },

  fates: {
    'in-flight': 'In flight',
    delivered: 'Delivered',
    dropped: 'Dropped',
    droppedFault: 'Dropped (fault)',
    droppedLoss: 'Dropped (random loss)',
    retransmission: 'Retransmission',
    duplicate: 'Duplicate',
    oldDuplicate: 'Late (old segment)',
    delayed: 'Delayed by {duration}',
    injected: 'Injected',
  },

  units: {
    ms: '{n} ms',
    s: '{n} s',
    min: '{n} min',
    h: '{n} h',
    bytes: '{n} bytes',
    byte: '1 byte',
  },

  errors: {
    dismiss: 'Dismiss',
    part: 'This part could not be shown: {message}',
    retry: 'Try again',
  },

  live: {
    step: 'Step {n}: {explanation}',
    stepNoExplanation: 'Step {n} of {total}',
    reset: 'Back at the start.',
    end: 'End of the run. Client: {client}. Server: {server}.',
  },

  share: {
    copyLink: 'Copy a link to this run',
    copied: 'Link copied',
    button: 'Share',
    manualLabel: 'Link to this run',
    manualHint: 'The clipboard is not available here: the link below is selected, copy it by hand.',
    tooLong:
      'This link is {length} characters long, and many web servers refuse links over {limit}. To pass this scenario on, save it with Export → Trace as JSON (the file holds the scenario), or share a shorter one.',
    linkLead: 'This link could not be opened, so the default lesson is shown:',
    loadLead:
      'The scenario sent by the course page could not be shown, so what was shown before stays:',
    embed: {
      open: 'Embed',
      openHelp: 'Put this lesson in a course page',
    },
  },

  embedded: {
    openFull: 'Open in Handshake Lab',
    newTab: '(opens in a new tab)',
  },

  explanation: {
    title: 'What happened',
    rfc: 'RFC 9293 §{section}',
    none: 'Press → to take the first step.',
  },

  answers: {
    title: 'Questions learners ask',
    intro: 'Short answers, each with a lesson that shows it happening.',
    showMe: 'Show me',
    showMeAria: 'Show me: open the lesson “{lesson}”',
    showMeAriaNoTitle: 'Show me: open the lesson for “{question}”',
    source: 'Source: {rfc}',
    compare: 'See both handshakes side by side',
  },

  // The frame around a lesson: what it shows, the moment to watch (a link to its step) and the
  // takeaway. The sentences themselves are in the `lessons` namespace.
  lessonFrame: {
    title: 'About this lesson',
    shows: 'What it shows',
    watch: 'What to watch for',
    goTo: 'Go to step {step}',
    goToAria: 'Go to step {step}, where this happens',
    pending: 'Finding the step…',
    notInRun:
      'This does not happen in this run: the settings you changed made the connection take another course. Reset the settings to see it.',
    takeaway: 'Takeaway',
    takeawayEarly: 'Takeaway (you reach it at the last step)',
  },

  // Two runs side by side: a two-segment handshake and the real three-segment one meeting the same
  // stale SYN.
  compare: {
    title: 'Why three segments: the same stale SYN, two ways',
    intro:
      'The client’s SYN is delayed so long that the client gives up before it arrives. Left, a handshake of two segments; right, TCP’s three.',
    twoWay: 'Two segments (a what-if)',
    threeWay: 'Three segments (TCP)',
    twoWayCaption:
      'The server counts the connection as open as soon as it sends its SYN+ACK: it goes to ESTABLISHED and accept() returns a connection the client never made. Only the client’s RST, a round trip later, removes it.',
    threeWayCaption:
      'The server waits in SYN_RCVD for the client’s ACK. The client has no connection, so it answers the SYN+ACK with RST; the half-open socket is closed before accept() ever returns it, and the listener stays in LISTEN.',
    accepted: 'accept() returned a connection the client never made. Server:',
    notAccepted: 'accept() never returned: no connection reached the server’s application. Server:',
    loading: 'Running both handshakes…',
    failed: 'The comparison could not be run: {message}',
    close: 'Close the comparison',
  },
} as const;
