// 状态机面板的文字（含各状态名）：单独的命名空间，随面板加载。键与英文版（../en/stateMachine.ts）一致。
import type { Messages } from '../../types';
import type { stateMachine as en } from '../en/stateMachine';

export const stateMachine: Messages<typeof en> = {
  title: '状态机',
  subtitle: 'RFC 9293 图 5',
  lastTransition: '最近一次状态转换',
  lastTransitionValue: '{side}：{from} → {to}',
  noTransition: '尚无状态转换',
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
