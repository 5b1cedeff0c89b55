// 课程标题与一句话简介，键为课程 id。
import type { Messages } from '../../types';

export const lessons: Messages<typeof import('../en/lessons').lessons> = {
  'client-closes-first': {
    title: '客户端先关闭',
    summary: '一个连接最常见的一生：三次握手、少量数据、四次挥手，最后客户端在 TIME_WAIT 中等待。',
  },
  'server-closes-first': {
    title: '服务器先关闭',
    summary: '服务器回完数据就先关闭（就像 Web 服务器发完响应），所以留在 TIME_WAIT 的是服务器。',
  },
  'half-close': {
    title: '半关闭：第一个 FIN 之后仍有数据',
    summary: '客户端关闭自己的发送方向；服务器在 CLOSE_WAIT 中继续发送，直到它也关闭。',
  },
  'delayed-ack-close': {
    title: '三次挥手（Linux 延迟确认）',
    summary: 'Linux 延迟了对 FIN 的确认，服务器趁这段时间关闭，它的 FIN 顺便捎带了 ACK。',
  },
  'simultaneous-close': {
    title: '同时关闭',
    summary: '双方同时关闭，两个 FIN 在途中交错，双方都经过 CLOSING 进入 TIME_WAIT。',
  },
  'lost-syn': {
    title: 'SYN 丢失',
    summary: '第一个 SYN 丢了，客户端一秒后重传，握手晚一些完成。',
  },
  'lost-syn-ack': {
    title: 'SYN+ACK 丢失',
    summary: '服务器的 SYN+ACK 丢了，双方各自重传，直到握手完成。',
  },
  'lost-final-ack': {
    title: '最后一个 ACK 丢失',
    summary: '最后的 ACK 丢了，服务器重传 FIN，仍在 TIME_WAIT 的客户端再次确认。',
  },
  'no-time-wait': {
    title: '如果没有 TIME_WAIT 会怎样？',
    summary: '同样丢了最后的 ACK，但客户端已经忘掉了连接：重传的 FIN 只换来 RST。',
  },
  'reuse-with-time-wait': {
    title: 'TIME_WAIT 拒绝端口复用',
    summary:
      '不设置 SO_REUSEADDR 时，TIME_WAIT 期间用同一端口重连会失败（EADDRINUSE），迟到的旧报文因此找不到可以破坏的连接。',
  },
  'reuse-timestamps': {
    title: 'Linux 上的端口复用：时间戳保护新连接',
    summary:
      '设置 SO_REUSEADDR 后，Linux 因为旧连接用了时间戳而接管处于 TIME_WAIT 的连接：新连接的序号远远越过旧序号，迟到的旧报文被 PAWS 丢弃。',
  },
  'reuse-without-time-wait': {
    title: '如果 TIME_WAIT 期间可以复用端口会怎样？',
    summary:
      '真实协议栈会阻止的情形：在 TIME_WAIT 期间毫无保护地接管端口，旧连接的一个迟到报文被新连接当作新数据收下。',
  },
  'simultaneous-open': {
    title: '同时打开',
    summary: '双方同时发起连接，两个 SYN 交错，各自经过 SYN_RCVD，没有任何一方在监听。',
  },
  'two-way-handshake': {
    title: '如果握手只有两次会怎样？',
    summary: '客户端早已放弃后，一个过期的 SYN 才到达，在服务器上打开了一个幽灵连接。',
  },
  'closed-port': {
    title: '连接未监听的端口',
    summary: '没有进程监听：SYN 换来 RST，connect() 失败并返回 ECONNREFUSED。',
  },
  abort: {
    title: '用 RST 异常终止',
    summary: '客户端直接复位连接而不是正常关闭：没有 FIN，没有 TIME_WAIT，服务器看到 ECONNRESET。',
  },
};
