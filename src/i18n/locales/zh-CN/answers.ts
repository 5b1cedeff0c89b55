// 答疑卡片：学习者常问的建立与关闭连接的问题。与英文版段落数相同（类型检查保证）。
import type { Messages } from '../../types';
import type { answers as en } from '../en/answers';

export const answers: Messages<typeof en> = {
  'why-three': {
    question: '为什么建立连接要三个报文段，两个不行吗？',
    answer: [
      '双方各自选定一个初始序号（ISN），并且都得让对方知道。客户端的 SYN 带着自己的 ISN；服务器的 SYN+ACK 带着服务器的 ISN，同时确认客户端的 ISN。只有第三个报文段，也就是客户端的 ACK，才让服务器确认“我的 ISN 对方收到了”，这样两个方向的序号才都同步好。',
      '更根本的原因是旧的重复报文：早先某次连接尝试留下的 SYN 可能在网络里滞留，很晚才到达。如果只有两次握手，服务器会把这个过期的 SYN 当成新连接，直接开始发送数据；有了第三步，客户端发现这个 SYN+ACK 回应的并不是自己眼下发出的 SYN，就回一个 RST，服务器随即回到 LISTEN。',
      '所以三次握手并不是为了测试双方“能不能收发”，而是让双方安全地就序号达成一致。',
    ],
    rfc: 'RFC 9293 第 3.5 节（图 8）、第 3.4.1 节',
  },
  'why-four': {
    question: '为什么关闭连接要四个报文段？',
    answer: [
      'TCP 连接其实是两个方向上各自独立的字节流，每个方向单独关闭：FIN 只表示“我这边没有数据要发了”。每个 FIN 都需要对方确认，两个方向加起来就是两个 FIN 和两个 ACK。',
      '先收到 FIN 的一方会立刻回 ACK，但还不能马上发出自己的 FIN，因为它的应用程序可能还有数据没发完。这时连接处于半关闭状态，直到这边的应用调用 close()，第二个 FIN 才会发出。',
      '如果应用收到对方关闭后马上也关闭，ACK 和 FIN 就可以合并在同一个报文段里，这时只会看到三个报文段。',
    ],
    rfc: 'RFC 9293 第 3.6 节、第 3.6.1 节',
  },
  'why-2msl': {
    question: '为什么 TIME_WAIT 要持续 2·MSL？',
    answer: [
      '先关闭的一方发出的是最后一个 ACK，而 ACK 本身不会再被确认。如果它丢了，对方会重传 FIN；还处在 TIME_WAIT 的一方可以再回一次 ACK（并重新开始计时），而已经把连接忘掉的一方只能回 RST。',
      'TIME_WAIT 还防止同一组地址和端口被过早重用。一个 MSL 让旧连接中仍在路上的报文段自然消亡，另一个 MSL 覆盖对它的回应返回的时间。等满 2·MSL 之后，网络中就不会再有旧连接的报文段被误认为属于新连接。',
      'RFC 9293 规定主动关闭的一方必须在 TIME_WAIT 停留 2·MSL。',
    ],
    rfc: 'RFC 9293 第 3.6.1 节（MUST-13）、第 3.4.1 节、第 3.10.7.4 节',
  },
  'what-msl': {
    question: 'MSL 是什么？',
    answer: [
      'MSL 即最大报文段生存时间（Maximum Segment Lifetime），是 TCP 假定一个报文段在网络中最多能存活多久、超过就会被丢弃的时间。它是一个约定的假设，并不是网络实际测量出来的：IP 头部的 TTL 字段主要限制的是经过的跳数，而不是秒数。',
      'RFC 9293 把 MSL 取为 2 分钟，于是 TIME_WAIT 为 4 分钟，并说明这只是一个工程上的选择。Linux 并没有可调的 MSL：它的 TIME_WAIT 固定为 60 秒（TCP_TIMEWAIT_LEN）。常被调整的 tcp_fin_timeout 是另一个计时器，管的是 FIN_WAIT_2。',
      '在本实验中可以修改 MSL，观察 TIME_WAIT 随之变长或变短。',
    ],
    rfc: 'RFC 9293 第 3.4.2 节、第 3.6.1 节',
  },
  'so-reuseaddr': {
    question: 'SO_REUSEADDR 改变了什么？',
    answer: [
      '要从同一个端口再次发起连接，客户端得先 bind() 这个端口；只要旧连接还处于 TIME_WAIT，bind() 就会以 EADDRINUSE 失败。SO_REUSEADDR 让 bind() 可以成功（服务器设置它，是为了重启后立刻重新绑定到固定端口）。',
      '之后 connect() 能否再次使用旧的地址和端口组合，由协议栈决定。RFC 9293 拒绝，因为那个连接仍然存在：connect() 以 EADDRNOTAVAIL 失败。Linux 只有在旧连接用了 TCP 时间戳时才接管处于 TIME_WAIT 的连接（tcp_twsk_unique()）：新连接从旧的 SND.NXT + 65537 开始，PAWS 根据更旧的时间戳丢弃旧的重复报文；没有时间戳时 connect() 同样以 EADDRNOTAVAIL 失败。',
      '没有这些保护，旧连接的一个迟到报文段就可能混进新连接，而这正是 TIME_WAIT 要防止的。',
    ],
    rfc: 'RFC 9293 第 3.10.1 节、第 3.4.1 节、第 3.6.1 节；RFC 7323 第 5 节',
  },
  'delayed-ack-close': {
    question: '为什么在 Linux 上关闭连接可能只有三个报文段？',
    answer: [
      'RFC 9293 允许接收方把 ACK 稍微推迟一会儿（不超过 0.5 秒），希望能和别的内容一起发出。',
      'Linux 对 FIN 的确认正是这样处理的：收到 FIN 后，ACK 先交给延迟确认计时器暂缓发送。如果应用在计时器到期前调用了 close()，服务器自己的 FIN 就会顺带这个确认，关闭过程变成 FIN、FIN+ACK、ACK 三步。',
      '这里并没有省掉任何步骤：两个 FIN 依旧都得到了确认，只是少用了一个报文段。如果应用迟迟不关闭，计时器到期后会单独发出 ACK，看到的仍是熟悉的四个报文段。',
    ],
    rfc: 'RFC 9293 第 3.8.6.3 节、第 3.6 节',
  },
};
