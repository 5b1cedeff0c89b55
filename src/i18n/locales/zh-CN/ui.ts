// 页面自身的文字。键与英文版（../en/ui.ts）完全一致，由类型检查保证；{name} 占位符必须保留。
import type { Messages } from '../../types';
import type { ui as en } from '../en/ui';

export const ui: Messages<typeof en> = {
  app: {
    title: 'Handshake Lab 握手实验室',
    tagline: '一个报文段一个报文段地观察 TCP 如何建立和关闭连接，还可以故意把它弄坏。',
    skipToDiagram: '跳到时序图',
    embedTitle: 'Handshake Lab：{lesson}',
    footer: '行为遵循 RFC 9293；在 Linux 与之不同的地方，另有 Linux 模式。',
  },

  status: {
    runningShort: '模拟中…',
    empty: '这次运行中什么也没有发生。',
  },

  sides: {
    client: '客户端',
    server: '服务器',
    listener: '监听套接字',
  },

  controls: {
    groupLabel: '单步控制',
    stepForward: '下一步',
    stepBack: '上一步',
    play: '播放',
    pause: '暂停',
    reset: '重置',
    speed: '速度',
    speedValue: '{speed}×',
    scrubber: '运行进度',
    predictMode: '预测',
    scrubberValue: '第 {n} 步，共 {total} 步',
    stepCounterLabel: '第 {n} 步，共 {total} 步',
    atEnd: '运行结束。',
    simTime: '模拟时间：{time}',
  },

  keyboard: {
    hint: '→ 下一步 · ← 上一步 · 空格 播放/暂停 · R 重置 · F 整个过程',
  },

  camera: {
    fit: '整个过程',
    more: '更多选项',
    fitTitle: '把整个过程的所有箭头缩放到视野内（F）',
    minimap: '整个过程的概览：标出了当前步骤；点击可跳到某一步',
    knobEffect: '这一改动从第 {step} 步开始显现。',
    knobEffectGo: '跳到第 {step} 步',
    knobEffectNone: '这一改动没有改变运行过程。',
    fitPicture:
      '在这个尺寸下箭头挤得太密，无法分辨：它们合成一幅图绘制，只有这一步的箭头可以点击。退出“整个过程”视图（F）即可点击任意箭头。',
  },

  lesson: {
    pickerLabel: '课程',
    custom: '自定义场景',
    fromLink: '来自链接的场景',
  },

  settings: {
    title: '设置',
    whatIf: '如果……会怎样',
    profile: {
      label: '行为模式',
      rfc9293: 'RFC 9293',
      linux: 'Linux',
      help: 'RFC 9293 是标准本身；Linux 会推迟部分 ACK，TIME_WAIT 固定为 60 秒，并在更多情况下发送 RST。',
    },
    msl: {
      label: 'MSL（最大报文段生存时间）',
      unit: '秒',
      value: '{seconds} 秒',
      help: 'TIME_WAIT 持续两倍 MSL。RFC 9293 假定 MSL 为 2 分钟。',
    },
    lossRate: {
      label: '丢包率',
      unit: '%',
      value: '{percent}%',
      help: '每个报文段都以这个概率丢失，具体丢哪些由随机种子决定。',
    },
    seed: {
      label: '随机种子',
      help: '种子相同，丢包情况就相同，因此一次运行可以重现，也可以分享给别人。',
      shuffle: '换一个种子',
    },
    dropFinalAck: {
      label: '丢弃最后一个 ACK',
      help: '被动关闭方的 FIN 得到的那个 ACK 丢失了，于是 FIN 会被重传。',
    },
    reusePort: {
      label: '重用端口（SO_REUSEADDR）',
      help: '开启时，客户端之后的每次 connect 都设置 SO_REUSEADDR，只连接一次的课程会在对方的 FIN 结束关闭后不久用同一端口重连。关闭时，只要 TIME_WAIT 占着端口，bind() 就以 EADDRINUSE 失败。',
      byProfile: {
        linux:
          'Linux：bind() 于是可以拿到被 TIME_WAIT 占用的端口；connect() 只因旧连接用了时间戳才接管它：新 ISN 为旧 SND.NXT + 65537，PAWS 丢弃旧的重复报文。没有时间戳时 connect() 以 EADDRNOTAVAIL 失败。',
        rfc9293:
          'RFC 9293：SO_REUSEADDR 只让 bind() 成功；旧连接仍处于 TIME_WAIT，仍然存在，所以 connect() 被拒绝（EADDRNOTAVAIL）。',
      },
    },
    seqNumbers: {
      label: '序列号显示',
      relative: '相对',
      absolute: '绝对',
      help: '相对序列号从各自的初始序列号（ISN）开始计数。',
    },
    timeScale: {
      label: '时间轴按比例',
      warped:
        '关闭：每个时刻占一行，较长的间隔按对数缓慢增长，箭头不按比例；时间栏中的刻度标出比例变化之处。',
      linear:
        '开启：纵向时间呈线性（统一比例，在时间栏中标出），箭头的倾斜就是它的时延；空闲的时段在标出的断点处截去。',
    },
    theme: {
      label: '主题',
      system: '跟随系统',
      light: '浅色',
      dark: '深色',
    },
    language: {
      label: '语言',
      unknownNote: '暂不支持语言“{lang}”，页面以{language}显示。',
    },
    restore: '恢复本课程的设置',
    notApplicable: {
      'no-final-ack': '本次运行没有可丢弃的最后一个 ACK：没有一方在收到对方的 FIN 之后再关闭。',
      'final-ack-lost': '本次运行中最后一个 ACK 已经丢失。',
      'no-reconnect': '本课程中没有再次发起连接。',
      'reconnect-unaffected': '客户端再次连接时端口已空闲，SO_REUSEADDR 不起作用。',
      'no-time-wait': '这里没有连接进入 TIME_WAIT，而 MSL 只决定它的时长。',
      'no-loss': '种子只决定哪些报文段丢失，而丢包率为 0。',
      'no-segments': '这里没有报文段经过网络，因此不会丢失。',
      'same-run': '两种行为在本课程中得到完全相同的运行。',
    },
  },

  diagram: {
    label: '连接的时序图',
    timeAxis: '时间 ↓',
    scaleLinear: '按比例：1 格 = {unit}',
    scaleWarped: '不按比例',
    compressedBreak: '≈ {duration} 之后',
    compressedBreakLabel: '时间轴在此被压缩：大约 {duration} 内没有发送任何报文段。',
    segmentAria:
      '报文段 {id}，{from} 发往 {to}：{flags}，seq {seq}，ack {ack}，数据 {len} 字节，{fate}',
    stateBadge: '{side}：{state}',
    stateBadgeAria: '{side} 在 {time} 进入 {state}',
    currentState: '{side}状态',
    dropThis: '丢弃这个报文段',
    listenerState: '服务器的监听套接字：{state}',
    listenerLine: '服务器的监听套接字，从 {from} 起处于 LISTEN',
    newSocket: '新套接字',
    newSocketAria: '{time} 时监听套接字为一个连接创建了新套接字；监听套接字仍处于 LISTEN',
    appCallAria: '{owner}：{call}() 在 {time} 返回 {result}',
    timerDue: '{time} 到期',
    segmentsGroup: '报文段（点击查看详情，或在传输途中点击将其丢弃）',
    clickToInspect: '点击查看这个报文段',
    appOwners: {
      client: '客户端应用',
      server: '服务器应用',
      listener: '服务器应用（监听套接字）',
    },
  },

  timers: {
    retransmit: '重传',
    'time-wait': 'TIME_WAIT（2·MSL）',
    'fin-wait-2': 'FIN_WAIT_2',
    'delayed-ack': '延迟确认',
    'loss-probe': '丢包探测',
  },

  fates: {
    'in-flight': '传输中',
    delivered: '已送达',
    dropped: '已丢弃',
    droppedFault: '已丢弃（人为故障）',
    droppedLoss: '已丢弃（随机丢包）',
    retransmission: '重传',
    duplicate: '重复',
    oldDuplicate: '迟到（旧报文段）',
    delayed: '延迟了 {duration}',
    injected: '注入',
  },

  units: {
    ms: '{n} 毫秒',
    s: '{n} 秒',
    min: '{n} 分钟',
    h: '{n} 小时',
    bytes: '{n} 字节',
    byte: '1 字节',
  },

  errors: {
    dismiss: '关闭',
    part: '这部分无法显示：{message}',
    retry: '重试',
  },

  live: {
    step: '第 {n} 步：{explanation}',
    stepNoExplanation: '第 {n} 步，共 {total} 步',
    reset: '已回到开头。',
    end: '运行结束。客户端：{client}。服务器：{server}。',
  },

  share: {
    copyLink: '复制这次运行的链接',
    copied: '链接已复制',
    button: '分享',
    manualLabel: '这次运行的链接',
    manualHint: '这里无法使用剪贴板：下面的链接已选中，请手动复制。',
    tooLong:
      '这个链接长 {length} 个字符，而许多 Web 服务器会拒绝超过 {limit} 个字符的链接。要把这个场景传给别人，请用“导出 → 事件轨迹（JSON）”保存它（文件里含有这个场景），或者分享一个更短的场景。',
    linkLead: '无法打开这个链接，因此显示的是默认课程：',
    loadLead: '课程页面发来的场景无法显示，因此保留之前显示的内容：',
    embed: {
      open: '嵌入',
      openHelp: '把这节课放进课程页面',
    },
  },

  embedded: {
    openFull: '在 Handshake Lab 中打开',
    newTab: '（在新标签页中打开）',
  },

  explanation: {
    title: '发生了什么',
    rfc: 'RFC 9293 第 {section} 节',
    none: '按 → 开始第一步。',
  },

  answers: {
    title: '常见问题',
    intro: '简短的解答，每条都配有一节能亲眼看到它的课程。',
    showMe: '演示给我看',
    showMeAria: '演示给我看：打开课程“{lesson}”',
    showMeAriaNoTitle: '演示给我看：打开与“{question}”相关的课程',
    source: '出处：{rfc}',
    compare: '把两种握手放在一起看',
  },

  lessonFrame: {
    title: '关于这节课',
    shows: '这节课展示什么',
    watch: '留意这一刻',
    goTo: '跳到第 {step} 步',
    goToAria: '跳到第 {step} 步，看它发生',
    pending: '正在查找是哪一步…',
    notInRun: '在这次运行中它没有发生：你改过的设置让连接走了另一条路。把设置恢复原样就能看到。',
    takeaway: '要点',
    takeawayEarly: '要点（走到最后一步时揭晓）',
  },

  compare: {
    title: '为什么要三次：同一个过期的 SYN，两种结局',
    intro:
      '客户端的 SYN 在网络中滞留太久，它到达之前客户端已经放弃了。左边是只有两个报文段的握手，右边是 TCP 真正的三次握手。',
    twoWay: '两次握手（假设情形）',
    threeWay: '三次握手（TCP）',
    twoWayCaption:
      '服务器一发出 SYN+ACK 就认为连接已经建立：它进入 ESTABLISHED，accept() 返回了一个客户端从未发起的连接。直到一个往返之后客户端的 RST 到达，这个连接才被清除。',
    threeWayCaption:
      '服务器在 SYN_RCVD 中等待客户端的 ACK。客户端上并没有这个连接，于是用 RST 回应这个 SYN+ACK；半打开的套接字在 accept() 返回它之前就被关闭，监听套接字仍处于 LISTEN。',
    accepted: 'accept() 返回了一个客户端从未发起的连接。服务器：',
    notAccepted: 'accept() 始终没有返回：没有任何连接到达服务器的应用程序。服务器：',
    loading: '正在运行两种握手…',
    failed: '无法运行这组对比：{message}',
    close: '关闭对比',
  },
};
