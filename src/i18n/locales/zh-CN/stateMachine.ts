// 状态机面板的文字（含各状态名）：单独的命名空间，随面板加载。键与英文版（../en/stateMachine.ts）一致。
import type { Messages } from '../../types';
import type { stateMachine as en } from '../en/stateMachine';

export const stateMachine: Messages<typeof en> = {
  title: '状态机',
  subtitle: 'RFC 9293 图 5',
  lastTransition: '最近一次状态转换',
  lastTransitionValue: '{side}：{from} → {to}',
  noTransition: '尚无状态转换',
  offFigure: {
    note: '不在 RFC 9293 图 5 中：{reason}。',
    other: '引擎依据 {ref}',
    unknown: '图中没有对应的箭头',
    reasons: {
      'retries-exhausted': '重传次数用尽，连接被丢弃（RFC 9293 §3.8.3，ETIMEDOUT）',
      'rst-received': 'RST 关闭了连接（RFC 9293 §3.10.7.4）',
      'rst-refused': 'RST 拒绝了连接（RFC 9293 §3.10.7.4）',
      'rst-in-time-wait': 'RST 结束了 TIME_WAIT（RFC 9293 §3.10.7.4）',
      'abort-call': '应用程序中止了连接（ABORT，RFC 9293 §3.10.5）',
      'fin-wait-2-timeout': 'Linux 在 tcp_fin_timeout 之后关闭孤立的 FIN_WAIT_2（tcp_fin_time()）',
      'no-time-wait': '假设：主动关闭方跳过 TIME_WAIT',
      'two-way-handshake': '假设：被动方一发出 SYN+ACK 就进入 ESTABLISHED',
      'time-wait-takeover':
        'Linux 的 connect() 从 TIME_WAIT 接管了该端口对，时间戳保证其安全（tcp_twsk_unique()）',
      'reuse-time-wait': '假设：connect() 在没有任何保护的情况下从 TIME_WAIT 取走该端口对',
      'time-wait-reopen': '新的 SYN 重新打开了处于 TIME_WAIT 的连接（RFC 9293 §3.10.7.4）',
      'time-wait-reopen-linux':
        '新的 SYN 重新打开了处于 TIME_WAIT 的连接（Linux tcp_timewait_state_process()）',
      'listener-drops-embryonic':
        '监听套接字关闭，带走了仍在握手中的连接（Linux inet_csk_listen_stop()）',
      'syn-in-window': '窗口内的 SYN 删除了半开连接（RFC 9293 §3.10.7.4）',
      'rst-syn-in-window': 'Linux 因收到不同的 SYN 而重置半开连接（tcp_check_req()）',
    },
  },
  diagramAria: 'TCP 状态图。客户端处于 {client}，服务器处于 {server}。',
  listenerAria: '服务器的监听套接字处于 {listener}。',
  legend: {
    title: '图例',
    client: '客户端当前状态',
    server: '服务器当前状态',
    both: '双方都处于此状态',
    listener: '服务器的监听套接字：它一直处于 LISTEN，而它接受的每个连接都是一个独立的新套接字。',
    lastTransition: '最近一次状态转换',
    edge: '可能的转换：事件 / 动作',
    notInFigure:
      '点线：SYN_SENT 中收到 RST，图 5 没有画出（RFC 9293 §3.10.7.3：带可接受 ACK 的 RST 关闭连接）',
  },
  states: {
    CLOSED: {
      name: 'CLOSED',
      short: '根本没有连接。',
    },
    LISTEN: {
      name: 'LISTEN',
      short: '等待任意对端发来的 SYN。',
    },
    SYN_SENT: {
      name: 'SYN_SENT',
      short: '已发出 SYN，等待对方的 SYN 以及对我方 SYN 的确认。',
    },
    SYN_RCVD: {
      name: 'SYN_RCVD',
      short: '收到 SYN 并已回 SYN+ACK，等待对方确认。',
    },
    ESTABLISHED: {
      name: 'ESTABLISHED',
      short: '连接已打开：数据可以双向流动。',
    },
    FIN_WAIT_1: {
      name: 'FIN_WAIT_1',
      short: '已发出 FIN，等待它的确认或对方的 FIN。',
    },
    FIN_WAIT_2: {
      name: 'FIN_WAIT_2',
      short: '我方 FIN 已被确认，等待对方也关闭。',
    },
    CLOSE_WAIT: {
      name: 'CLOSE_WAIT',
      short: '对方已经关闭，等待我方应用关闭。',
    },
    CLOSING: {
      name: 'CLOSING',
      short: '双方同时发出了 FIN，等待对我方 FIN 的确认。',
    },
    LAST_ACK: {
      name: 'LAST_ACK',
      short: '在对方之后发出了我方 FIN，等待它的确认。',
    },
    TIME_WAIT: {
      name: 'TIME_WAIT',
      short: '已经结束，但还要等 2·MSL：以防最后的 ACK 丢失，并让旧报文段从网络中消失。',
    },
  },
};
