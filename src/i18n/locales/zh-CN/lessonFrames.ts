// 每课的导语：一句概述、演示内容、要注意的时刻和结论（按课程 id），首幅图之后加载。
import type { Messages } from '../../types';
import type { lessonFrames as en } from '../en/lessonFrames';

export const lessonFrames: Messages<typeof en> = {
  'client-closes-first': {
    summary: '一个连接最常见的一生：三次握手、少量数据、四次挥手，最后客户端在 TIME_WAIT 中等待。',
    shows:
      '客户端是主动关闭方：它依次经过 FIN_WAIT_1 和 FIN_WAIT_2，服务器则经过 CLOSE_WAIT 和 LAST_ACK。',
    watch:
      '服务器的 FIN 到达，客户端确认它：先关闭的客户端随即进入 TIME_WAIT，并在那里停留 2·MSL。',
    takeaway: 'TIME_WAIT 属于先关闭的那一方；另一方只要自己的 FIN 被确认，就彻底结束了。',
  },
  'server-closes-first': {
    summary: '服务器回完数据就先关闭（就像 Web 服务器发完响应），所以留在 TIME_WAIT 的是服务器。',
    shows:
      '这次服务器是主动关闭方：它经过 FIN_WAIT_1 和 FIN_WAIT_2，客户端则经过 CLOSE_WAIT 和 LAST_ACK。',
    watch: '客户端的 FIN 到达，服务器确认它：进入 TIME_WAIT 的是服务器，而不是客户端。',
    takeaway: '先关闭的服务器每关闭一个连接，就要留下一个处于 TIME_WAIT 的连接，持续 2·MSL。',
  },
  'half-close': {
    summary: '客户端关闭自己的发送方向；服务器在 CLOSE_WAIT 中继续发送，直到它也关闭。',
    shows: 'shutdown() 发出 FIN，但客户端的接收方向仍然开着。',
    watch:
      '服务器确认了客户端的 FIN、进入 CLOSE_WAIT 之后，仍继续发送数据，处于 FIN_WAIT_2 的客户端照常确认。',
    takeaway:
      'FIN 只关闭发送它的那个方向：另一个方向要等那一方也关闭才结束，所以关闭连接需要两个方向各一个 FIN 和一个 ACK。',
  },
  'delayed-ack-close': {
    summary: 'Linux 延迟了对 FIN 的确认，服务器趁这段时间关闭，它的 FIN 顺便捎带了 ACK。',
    shows: '这节课采用 Linux 的行为，服务器的应用程序一读到数据流结束就立即关闭。',
    watch:
      '客户端的 FIN 到达：服务器用延迟确认定时器把 ACK 暂时压住，它的应用程序随即关闭，于是服务器的 FIN 带着这个确认一起发出。',
    takeaway:
      '同一方向上的 ACK 和 FIN 可以合并在一个报文段里：关闭只用了三个报文段而不是四个，两个 FIN 也都得到了确认。',
  },
  'simultaneous-close': {
    summary: '双方同时关闭，两个 FIN 在途中交错，双方都经过 CLOSING 进入 TIME_WAIT。',
    shows: '双方发出自己的 FIN 时，都还没有收到对方的 FIN。',
    watch:
      '两个 FIN 在途中交错：每一方都在 FIN_WAIT_1 中收到对方的 FIN，确认它并进入 CLOSING，等自己的 FIN 被确认后再进入 TIME_WAIT。',
    takeaway: '双方都先关闭时，双方都是主动关闭方，也都要在 TIME_WAIT 中等待。',
  },
  'lost-syn': {
    summary: '第一个 SYN 丢了，客户端一秒后重传，握手晚一些完成。',
    shows: '只有客户端能弥补这次丢失：服务器根本没见到这个 SYN，也就没有什么可重传的。',
    watch:
      '没有任何回应，于是在第一个 SYN 发出一秒后，客户端的重传定时器超时，它再次发送 SYN，并把定时器时长加倍。',
    takeaway:
      '丢一个 SYN 要付出整整一个重传超时的代价：起初是一秒，每重试一次翻一倍。连接建立得晚了，但终究建立了。',
  },
  'lost-syn-ack': {
    summary: '服务器的 SYN+ACK 丢了，双方各自重传，直到握手完成。',
    shows: 'SYN 已经到达，所以双方都在等待：客户端在 SYN_SENT 中，服务器在 SYN_RCVD 中。',
    watch:
      '大约一秒后双方的重传定时器都超时了：客户端重发 SYN，服务器重发 SYN+ACK，服务器重发的这一份完成了握手。',
    takeaway:
      '握手期间双方各有一个重传定时器。按 RFC 9293，丢失的 SYN+ACK 由服务器自己的定时器补救，重复的 SYN 只会换来一个单纯的 ACK；Linux（linux 配置）则会立即用 SYN+ACK 回应重复的 SYN。',
  },
  'lost-final-ack': {
    summary: '最后的 ACK 丢了，服务器重传 FIN，仍在 TIME_WAIT 的客户端再次确认。',
    shows: '客户端先关闭，网络丢掉了它的最后一个 ACK，也就是回应服务器 FIN 的那一个。',
    watch:
      '仍处于 LAST_ACK 的服务器重传它的 FIN；仍处于 TIME_WAIT 的客户端再次确认，并重新开始 2·MSL 计时。',
    takeaway:
      'TIME_WAIT 让先关闭的一方仍能确认重传的 FIN，所以即使最后的 ACK 丢了，另一方的关闭也能正常收尾。',
  },
  'no-time-wait': {
    summary: '同样丢了最后的 ACK，但客户端已经忘掉了连接：重传的 FIN 只换来 RST。',
    shows:
      '假设情形：真实的协议栈必须在 TIME_WAIT 中等待，但这里客户端一发出最后的 ACK 就忘掉了连接，而那个 ACK 又丢了。',
    watch:
      '服务器重传的 FIN 在客户端上找不到连接，客户端用 RST 回应：服务器因为一个复位而不是一个确认离开了 LAST_ACK。',
    takeaway: '没有 TIME_WAIT，只要丢一个 ACK，另一方正常的关闭就会变成复位。',
  },
  'reuse-with-time-wait': {
    summary:
      '不设置 SO_REUSEADDR 时，TIME_WAIT 期间用同一端口重连会失败（EADDRINUSE），迟到的旧报文因此找不到可以破坏的连接。',
    shows:
      '一次快速传输，最后一个数据报文段在网络中被耽搁（并被重传），随后连接关闭，客户端立刻在不设置 SO_REUSEADDR 的情况下从同一端口再次调用 connect()。',
    watch:
      '第二次 connect() 失败并返回 EADDRINUSE：旧连接仍在 TIME_WAIT 中占着这个端口。那个被耽搁的报文段最终到达时，没有任何连接接收它：服务器的监听套接字用 RST 回应，而客户端的 TIME_WAIT 把这个 RST 丢弃了。',
    takeaway:
      '只要 TIME_WAIT 还占着这个四元组，新连接就用不了它，旧连接迟到的报文段也就没有东西可以破坏。',
  },
  'reuse-timestamps': {
    summary:
      '设置 SO_REUSEADDR 后，Linux 因为旧连接用了时间戳而接管处于 TIME_WAIT 的连接：新连接的序列号远远越过旧的序列号，迟到的旧报文被 PAWS 丢弃。',
    shows:
      '由于旧连接使用了时间戳，Linux 允许 connect() 从 TIME_WAIT 手中接管这个四元组（tcp_twsk_unique()），并让新连接从旧的 SND.NXT + 65537 开始。',
    watch:
      '旧连接那个被耽搁的报文段在新连接期间到达；它的时间戳比服务器见过的最新时间戳还旧，于是 PAWS 把它丢弃，服务器只回了一个 ACK。',
    takeaway:
      '只有在旧连接使用了时间戳时，Linux 才会复用仍处于 TIME_WAIT 的四元组，这样 PAWS 才能拒绝它迟到的报文段。',
  },
  'reuse-without-time-wait': {
    summary:
      '真实协议栈会阻止的情形：在 TIME_WAIT 期间毫无保护地接管端口，旧连接的一个迟到报文被新连接当作新数据收下。',
    shows:
      '假设情形：connect() 在没有任何真实协议栈所要求的保护措施的情况下，从 TIME_WAIT 手中拿走了这个四元组，新的初始序列号恰好落在旧连接用过的序列号之内。',
    watch:
      '旧连接那个被耽搁的报文段在新的握手之后到达；它的字节落在新连接的接收窗口内，于是服务器把它们当作新数据收下，并确认了客户端从未发送过的字节。',
    takeaway:
      '单凭序列号无法区分同一个连接的前后两次化身：是 TIME_WAIT，或者时间戳加上 PAWS，把旧报文段挡在新连接之外。',
  },
  'simultaneous-open': {
    summary: '双方同时发起连接，两个 SYN 交错，各自经过 SYN_RCVD，没有任何一方在监听。',
    shows: '双方在同一时刻向对方调用 connect()。',
    watch:
      '每个 SYN 到达的都是一个自己也处于 SYN_SENT 的一方：它回应一个 SYN+ACK 并进入 SYN_RCVD，随后每个 SYN+ACK 都完成了对方的握手。',
    takeaway: '两个主动打开合成了一个连接：四个报文段，没有监听套接字，两边的 connect() 都成功了。',
  },
  'two-way-handshake': {
    summary: '客户端早已放弃后，一个过期的 SYN 才到达，在服务器上打开了一个幽灵连接。',
    shows: '假设情形：客户端的 SYN 在网络中滞留太久，它到达之前客户端已经放弃了（ETIMEDOUT）。',
    watch:
      '这个过期的 SYN 到达服务器；如果握手只有两次，服务器一发出 SYN+ACK 就认为连接已经建立，accept() 返回了一个客户端从未发起的连接。',
    takeaway:
      '两次握手无法区分过期的 SYN 和新的 SYN：客户端的 RST 要等服务器已经接受了这个幽灵连接之后才能清除它，所以 TCP 要等第三个报文段。',
  },
  'closed-port': {
    summary: '没有进程监听：SYN 换来 RST，connect() 失败并返回 ECONNREFUSED。',
    shows: '回应来自服务器的 TCP 本身：那里没有应用程序来接收这个 SYN。',
    watch:
      '服务器的 TCP 用 RST+ACK 回应 SYN，其中的确认号确认了这个 SYN，客户端因此接受这个复位；客户端离开 SYN_SENT，connect() 失败并返回 ECONNREFUSED。',
    takeaway: '用 RST 回应 SYN 就是明确的拒绝：connect() 立即失败，不会再重发 SYN。',
  },
  abort: {
    summary: '客户端直接复位连接而不是正常关闭：没有 FIN，没有 TIME_WAIT，服务器看到 ECONNRESET。',
    shows:
      '应用程序要异常终止连接，可以先把 SO_LINGER 设为 {on, 0}（l_onoff = 1，l_linger = 0），再调用 close()：这时 TCP 发送的是 RST 而不是 FIN。',
    watch:
      '客户端异常终止：它发出一个 RST，直接从 ESTABLISHED 进入 CLOSED；RST 一到，服务器就丢弃自己这一端的连接，它的下一次 send() 失败并返回 ECONNRESET。',
    takeaway:
      'RST 会立即终止连接的两个方向：没有 FIN，没有确认，没有 TIME_WAIT，尚未交付的数据全部丢弃。',
  },
};
