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
    openFullPage: 'Open in a full page',
    source: 'Source code',
    footer: 'Behaviour follows RFC 9293, with a Linux profile where Linux differs.',
  },

  status: {
    loading: 'Loading…',
    loadingLanguage: 'Loading the language…',
    running: 'Running the simulation… {count} events so far',
    runningShort: 'Running…',
    done: 'Ready: {steps} steps',
    empty: 'Nothing happens in this run.',
  },

  sides: {
    client: 'Client',
    server: 'Server',
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
    scrubberValue: 'Step {n} of {total}',
    stepCounter: '{n} / {total}',
    stepCounterLabel: 'Step {n} of {total}',
    atStart: 'At the start: nothing has happened yet.',
    atEnd: 'End of the run.',
    simTime: 'Simulated time: {time}',
  },

  keyboard: {
    title: 'Keyboard',
    hint: '→ next step · ← previous step · Space play or pause · R reset',
    keys: {
      next: '→',
      previous: '←',
      playPause: 'Space',
      reset: 'R',
    },
    actions: {
      next: 'next step',
      previous: 'previous step',
      playPause: 'play or pause',
      reset: 'reset to the start',
    },
  },

  lesson: {
    pickerLabel: 'Lesson',
    pickerPlaceholder: 'Choose a lesson',
    current: 'Lesson: {title}',
    custom: 'Custom scenario',
    fromLink: 'Scenario from a link',
    fromCapture: 'Connection from a capture',
    unknown: 'There is no lesson called “{id}”.',
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
      shown: 'Seed {seed}',
    },
    dropFinalAck: {
      label: 'Drop the final ACK',
      help: 'The ACK that answers the passive closer’s FIN is lost, so the FIN is sent again.',
    },
    reusePort: {
      label: 'Reuse the port (SO_REUSEADDR)',
      help: 'The client opens a new connection from the same port right after closing.',
    },
    seqNumbers: {
      label: 'Sequence numbers',
      relative: 'Relative',
      absolute: 'Absolute',
      help: 'Relative numbers count from each side’s initial sequence number (ISN).',
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
    apply: 'Apply',
    restore: 'Restore the lesson’s settings',
  },

  diagram: {
    label: 'Sequence diagram of the connection',
    description:
      'Time runs downward. Each arrow is a segment, drawn from when it was sent to when it arrived.',
    endpoint: '{address}:{port}',
    lifeline: '{side}, {address}:{port}',
    timeAxis: 'time ↓',
    timeAt: 't = {time}',
    compressedBreak: '≈ {duration} later',
    compressedBreakLabel: 'Time axis compressed: about {duration} pass here with nothing sent.',
    segmentLabel: '{flags} seq={seq} ack={ack}',
    segmentLabelNoAck: '{flags} seq={seq}',
    segmentLength: 'len={len}',
    segmentAria:
      'Segment {id}, {from} to {to}: {flags}, seq {seq}, ack {ack}, {len} bytes of data, {fate}',
    segmentAriaNoAck:
      'Segment {id}, {from} to {to}: {flags}, seq {seq}, {len} bytes of data, {fate}',
    stateBadge: '{side}: {state}',
    stateBadgeAria: '{side} enters {state} at {time}',
    currentState: '{side} state',
    clickToDrop: 'Click an arrow in flight to drop it',
    dropThis: 'Drop this segment',
    dropped: 'Segment {id} dropped: the run continues from here.',
    appCall: '{side} app: {call}',
    appResult: '{call} → {result}',
  },

  timers: {
    label: 'Timers',
    retransmit: 'Retransmission',
    'time-wait': 'TIME_WAIT (2·MSL)',
    'fin-wait-2': 'FIN_WAIT_2',
    'delayed-ack': 'Delayed ACK',
    running: '{timer}: {remaining} left',
    fired: '{timer} timer fired',
    cancelled: '{timer} timer stopped',
    restarted: '{timer} timer restarted',
  },

  fates: {
    'in-flight': 'In flight',
    delivered: 'Delivered',
    dropped: 'Dropped',
    droppedFault: 'Dropped (fault)',
    droppedLoss: 'Dropped (random loss)',
    retransmission: 'Retransmission',
    duplicate: 'Duplicate',
    late: 'Late (old segment)',
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
    framing: 'Something is wrong with {what}: {message}',
    what: {
      link: 'the link',
      file: 'the file',
      capture: 'the capture',
      message: 'a message from the page around this one',
      lesson: 'the lesson',
      scenario: 'the scenario',
      settings: 'the settings',
      engine: 'the simulation',
      language: 'the language',
    },
    unknownLesson: 'there is no lesson called “{id}”',
    workerFailed: 'the simulation stopped unexpectedly',
    languageFailed: 'could not load “{lang}”; staying in the current language',
    dismiss: 'Dismiss',
    retry: 'Try again',
  },

  live: {
    step: 'Step {n}: {explanation}',
    stepNoExplanation: 'Step {n} of {total}',
    reset: 'Back at the start.',
    end: 'End of the run. Client: {client}. Server: {server}.',
    playing: 'Playing',
    paused: 'Paused',
    languageChanged: 'Language: English',
    segmentDropped: 'Segment {id} will be dropped.',
  },

  capture: {
    open: 'Open a capture (pcap or pcapng)',
    connections: 'TCP connections in the capture',
    connection: '{client} ↔ {server}: {count} segments',
    none: 'No TCP connections found in this file.',
    reading: 'Reading the capture…',
  },

  share: {
    copyLink: 'Copy a link to this run',
    copied: 'Link copied',
    button: 'Share',
    manualLabel: 'Link to this run',
    manualHint: 'The clipboard is not available here: the link below is selected, copy it by hand.',
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
  },
} as const;
