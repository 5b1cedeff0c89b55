// 预测模式的文字（惰性命名空间，随预测面板加载；见 ../../core.ts）。
import type { Messages } from '../../types';
import type { predicting as en } from '../en/predicting';

export const predicting: Messages<typeof en> = {
  title: '预测',
  toggle: '预测模式',
  intro:
    '在每个开启新阶段的报文段出现之前，先说出它会是什么。然后这一步才会播放，并告诉你是否答对。',
  question: '{side}接下来会发送什么？',
  questionPhase: {
    syn: '它要建立连接。',
    'syn-ack': '它在回应一个连接请求。',
    'handshake-ack': '它在回应 SYN+ACK。',
    fin: '它要关闭自己这个方向。',
    'fin-ack': '它在回应一个 FIN。',
    rst: '这个连接出了问题。',
    retransmission: '有一个定时器到期了。',
  },
  flags: '标志位',
  flagPressed: '已选 {flag}',
  numbers: '序号（{numbering}）',
  relative: '相对于各自的初始序号',
  absolute: '线上的实际值',
  seq: 'seq',
  ack: 'ack',
  noAck: '没有确认号（不带 ACK 标志）',
  states: '这一步之后的状态',
  stateOf: '{side}',
  choose: '（请选择）',
  submit: '检查我的答案',
  reveal: '我不知道，直接告诉我',
  score: '得分',
  scoreValue: '{right} / {asked}',
  scoreLabel: '{asked} 项中答对 {right} 项',
  kinds: { flags: '标志位', numbers: 'seq 和 ack', states: '状态', choice: '本课的问题' },
  kindScore: '{kind}：{right} / {asked}',

  right: '答对了',
  wrong: '不太对',
  revealed: '已揭晓',
  yours: '你的答案：{answer}',
  correct: '正确答案：{answer}',
  none: '无',
  noAckValue: '无 ACK',
  resultFor: '你对第 {step} 步的预测',
  announceRight: '答对：{kinds}。',
  announceWrong: '答错：{kinds}。',
  attempt: '第 {seed} 次尝试的数值',
  attemptHelp: '老师可以在链接里加上 attempt={seed}，让全班使用同一组数值。',
  tryAgain: '换一组新数值再试一次',
  summary: '你的预测',
  summaryIntro: '本课共 {asked} 项，答对 {right} 项。',
  setTotal: '练习总分：{right} / {asked}',
  goToStep: '第 {step} 步',
  nextLesson: '下一课：{title}',
  setDone: '这组练习已完成。',
  phase: {
    syn: 'SYN',
    'syn-ack': 'SYN+ACK',
    'handshake-ack': '握手的 ACK',
    fin: 'FIN',
    'fin-ack': '对 FIN 的 ACK',
    rst: 'RST',
    retransmission: '重传',
  },
  waiting: '回答问题后才能看到下一步。',
  lessons: {
    'client-closes-first': {
      'last-ack': {
        prompt: '服务器的 FIN 正在到达客户端。这一步会发生什么？',
        choices: {
          'time-wait': '客户端确认它，并进入 TIME_WAIT',
          closed: '客户端确认它，并立即关闭',
          fin: '客户端再发送一个自己的 FIN',
        },
      },
    },
    'lost-syn': {
      next: {
        prompt: '客户端的 SYN 没有到达。接下来会发生什么？',
        choices: {
          retransmit: '客户端的重传定时器到期，它再次发送 SYN',
          'give-up': 'connect() 立即放弃，客户端回到 CLOSED',
          'server-rst': '服务器察觉后发送 RST',
        },
      },
    },
    'lost-syn-ack': {
      'who-first': {
        prompt: '服务器的 SYN+ACK 丢失了。这一步会发生什么？',
        choices: {
          client: '客户端的 SYN 一直没有得到回应，它再次发送 SYN',
          server: '服务器再次发送 SYN+ACK',
          abandon: '客户端放弃，回到 CLOSED',
        },
      },
    },
    'lost-final-ack': {
      'server-waits': {
        prompt: '客户端最后的 ACK 丢失了。服务器会怎么做？',
        choices: {
          'fin-again': '它的重传定时器到期，再次发送 FIN',
          closes: '它照样关闭：LAST_ACK → CLOSED',
          rst: '它发送 RST 重置连接',
        },
      },
    },
    'reuse-with-time-wait': {
      'old-segment': {
        prompt: '服务器已经关闭了自己这一端，之后一个迟到的报文段到达。服务器会怎么做？',
        choices: {
          rst: '它回复 RST：这个报文段已经不属于任何连接',
          ack: '它确认这些字节',
          silent: '它悄悄丢弃这个报文段',
        },
      },
    },
  },
};
