// 页面自身的文字。键与英文版（../en/ui.ts）完全一致，由类型检查保证；{name} 占位符必须保留。
import type { Messages } from '../../types';
import type { ui as en } from '../en/ui';

export const ui: Messages<typeof en> = {
  app: {
    title: 'Handshake Lab 握手实验室',
    tagline: '一个报文段一个报文段地观察 TCP 如何建立和关闭连接，还可以故意把它弄坏。',
    skipToDiagram: '跳到时序图',
    embedTitle: 'Handshake Lab：{lesson}',
    openFullPage: '在完整页面中打开',
    source: '源代码',
    footer: '行为遵循 RFC 9293；在 Linux 与之不同的地方，另有 Linux 模式。',
  },

  status: {
    loading: '加载中…',
    loadingLanguage: '正在加载语言…',
    running: '正在模拟…已产生 {count} 个事件',
    runningShort: '模拟中…',
    done: '就绪：共 {steps} 步',
    empty: '这次运行中什么也没有发生。',
  },

  sides: {
    client: '客户端',
    server: '服务器',
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
    scrubberValue: '第 {n} 步，共 {total} 步',
    stepCounter: '{n} / {total}',
    stepCounterLabel: '第 {n} 步，共 {total} 步',
    atStart: '位于开头：还什么都没发生。',
    atEnd: '运行结束。',
    simTime: '模拟时间：{time}',
  },

  keyboard: {
    title: '键盘操作',
    hint: '→ 下一步 · ← 上一步 · 空格 播放/暂停 · R 重置',
    keys: {
      next: '→',
      previous: '←',
      playPause: '空格',
      reset: 'R',
    },
    actions: {
      next: '下一步',
      previous: '上一步',
      playPause: '播放或暂停',
      reset: '回到开头',
    },
  },

  lesson: {
    pickerLabel: '课程',
    pickerPlaceholder: '选择一节课程',
    current: '课程：{title}',
    custom: '自定义场景',
    fromLink: '来自链接的场景',
    fromCapture: '来自抓包文件的连接',
    unknown: '没有名为“{id}”的课程。',
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
      shown: '种子 {seed}',
    },
    dropFinalAck: {
      label: '丢弃最后一个 ACK',
      help: '被动关闭方的 FIN 得到的那个 ACK 丢失了，于是 FIN 会被重传。',
    },
    reusePort: {
      label: '重用端口（SO_REUSEADDR）',
      help: '客户端关闭后立刻用同一个端口发起新连接。',
    },
    seqNumbers: {
      label: '序号显示',
      relative: '相对',
      absolute: '绝对',
      help: '相对序号从各自的初始序号（ISN）开始计数。',
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
    apply: '应用',
    restore: '恢复本课程的设置',
  },

  diagram: {
    label: '连接的时序图',
    description: '时间自上而下流动。每个箭头是一个报文段，从发送时刻画到到达时刻。',
    endpoint: '{address}:{port}',
    lifeline: '{side}，{address}:{port}',
    timeAxis: '时间 ↓',
    timeAt: 't = {time}',
    compressedBreak: '≈ {duration} 之后',
    compressedBreakLabel: '时间轴在此被压缩：大约 {duration} 内没有发送任何报文段。',
    segmentLabel: '{flags} seq={seq} ack={ack}',
    segmentLabelNoAck: '{flags} seq={seq}',
    segmentLength: 'len={len}',
    segmentAria:
      '报文段 {id}，{from} 发往 {to}：{flags}，seq {seq}，ack {ack}，数据 {len} 字节，{fate}',
    segmentAriaNoAck: '报文段 {id}，{from} 发往 {to}：{flags}，seq {seq}，数据 {len} 字节，{fate}',
    stateBadge: '{side}：{state}',
    stateBadgeAria: '{side} 在 {time} 进入 {state}',
    currentState: '{side}状态',
    clickToDrop: '点击一个正在传输的箭头即可丢弃它',
    dropThis: '丢弃这个报文段',
    dropped: '报文段 {id} 已丢弃：运行从这里继续。',
    appCall: '{side}应用：{call}',
    appResult: '{call} → {result}',
  },

  timers: {
    label: '计时器',
    retransmit: '重传',
    'time-wait': 'TIME_WAIT（2·MSL）',
    'fin-wait-2': 'FIN_WAIT_2',
    'delayed-ack': '延迟确认',
    running: '{timer}：还剩 {remaining}',
    fired: '{timer}计时器到期',
    cancelled: '{timer}计时器已停止',
    restarted: '{timer}计时器重新开始',
  },

  fates: {
    'in-flight': '传输中',
    delivered: '已送达',
    dropped: '已丢弃',
    droppedFault: '已丢弃（人为故障）',
    droppedLoss: '已丢弃（随机丢包）',
    retransmission: '重传',
    duplicate: '重复',
    late: '迟到（旧报文段）',
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
    framing: '{what}有问题：{message}',
    what: {
      link: '链接',
      file: '文件',
      capture: '抓包文件',
      message: '来自外层页面的消息',
      lesson: '课程',
      scenario: '场景',
      settings: '设置',
      engine: '模拟',
      language: '语言',
    },
    unknownLesson: '没有名为“{id}”的课程',
    workerFailed: '模拟意外停止了',
    languageFailed: '无法加载“{lang}”，继续使用当前语言',
    dismiss: '关闭',
    retry: '重试',
  },

  live: {
    step: '第 {n} 步：{explanation}',
    stepNoExplanation: '第 {n} 步，共 {total} 步',
    reset: '已回到开头。',
    end: '运行结束。客户端：{client}。服务器：{server}。',
    playing: '正在播放',
    paused: '已暂停',
    languageChanged: '语言：中文',
    segmentDropped: '报文段 {id} 将被丢弃。',
  },

  capture: {
    open: '打开抓包文件（pcap 或 pcapng）',
    connections: '抓包中的 TCP 连接',
    connection: '{client} ↔ {server}：{count} 个报文段',
    none: '这个文件里没有找到 TCP 连接。',
    reading: '正在读取抓包文件…',
  },

  share: {
    copyLink: '复制这次运行的链接',
    copied: '链接已复制',
    button: '分享',
    manualLabel: '这次运行的链接',
    manualHint: '这里无法使用剪贴板：下面的链接已选中，请手动复制。',
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
  },
};
