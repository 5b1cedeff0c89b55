// 课程标题（按课程 id）。每课的导语、要点和结论在 ./lessonFrames.ts，首幅图之后加载。
import type { Messages } from '../../types';
import type { lessons as en } from '../en/lessons';

export const lessons: Messages<typeof en> = {
  'client-closes-first': {
    title: '客户端先关闭',
  },
  'server-closes-first': {
    title: '服务器先关闭',
  },
  'half-close': {
    title: '半关闭：第一个 FIN 之后仍有数据',
  },
  'delayed-ack-close': {
    title: '三次挥手（Linux 延迟确认）',
  },
  'simultaneous-close': {
    title: '同时关闭',
  },
  'lost-syn': {
    title: 'SYN 丢失',
  },
  'lost-syn-ack': {
    title: 'SYN+ACK 丢失',
  },
  'lost-final-ack': {
    title: '最后一个 ACK 丢失',
  },
  'no-time-wait': {
    title: '如果没有 TIME_WAIT 会怎样？',
  },
  'reuse-with-time-wait': {
    title: 'TIME_WAIT 拒绝端口复用',
  },
  'reuse-timestamps': {
    title: 'Linux 上的端口复用：时间戳保护新连接',
  },
  'reuse-without-time-wait': {
    title: '如果 TIME_WAIT 期间可以复用端口会怎样？',
  },
  'simultaneous-open': {
    title: '同时打开',
  },
  'two-way-handshake': {
    title: '如果握手只有两次会怎样？',
  },
  'closed-port': {
    title: '连接未监听的端口',
  },
  abort: {
    title: '用 RST 异常终止',
  },
};
