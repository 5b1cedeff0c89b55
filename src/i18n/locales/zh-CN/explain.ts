// 每一步发生了什么、为什么：每条引擎规则一句话，键名与英文版一致（由 tsc 检查），措辞独立。
// 术语统一：sequence number 一律译作“序列号”，4-tuple 译作“四元组”。
import type { Messages } from '../../types';

export const explain: Messages<typeof import('../en/explain').explain> = {
  side: { client: '客户端', server: '服务器', listener: '服务器的监听套接字' },
  Side: { client: '客户端', server: '服务器', listener: '服务器的监听套接字' },

  rules: {
    // ---- 建立连接 ----
    listen:
      '{Who}的应用调用 listen()：监听套接字打开，在 LISTEN 状态等待 SYN。被动打开不发送任何报文，只是准备好应答。',
    'active-open':
      '{Who}调用 connect()：TCP 选定初始序列号 ISN {isn}，发出携带它的 SYN，然后在 SYN_SENT 等待。SYN 占用一个序列号，所以对方的应答必须确认 ISN + 1{isnNote}。',
    'syn-to-listener':
      'SYN 到达{who}的监听套接字：它为这个连接新建一个套接字，自己仍留在 LISTEN。新套接字记下{peer}的 ISN（序列号 {seq}），回复 SYN+ACK，带上自己的 ISN，确认号为 {end}——SYN 占用了一个序列号。{waits}',
    'syn-ack-received':
      'SYN+ACK 确认了{Who}的 SYN（确认号 {ack}，即它的 ISN + 1），并带来{peer}的 ISN（序列号 {seq}）。{who}从 SYN_SENT 进入 ESTABLISHED，发出第三个报文段，确认号 {end}，反过来确认{peer}的 ISN。{connected}',
    'simultaneous-open':
      '{peer}的 SYN 到达时，{Who}自己也处于 SYN_SENT：两个 SYN 在途中交错（同时打开）。它进入 SYN_RCVD，回复 SYN+ACK，重复自己的 ISN 并确认{peer}的 ISN（确认号 {sentAck}）。',
    'handshake-ack':
      '这个报文段确认了{who}的 SYN（确认号 {ack}）：双方的 ISN 都已确认，{who}从 {from} 进入 ESTABLISHED。',
    accept: '{who}的应用从 accept() 拿到这个新连接。监听套接字仍处于 LISTEN，等待下一个连接。',
    'two-way-handshake':
      '在这个假设中，握手只有两个报文段：{who}的 SYN+ACK 一发出，它就认定连接已是 ESTABLISHED，而没有任何证据表明{peer}此刻真的想要这个连接。',
    'syn-options': 'SYN+ACK 带上了{who}回应的 TCP 选项：{options}。',

    // ---- 数据与确认 ----
    'send-data': '{data}',
    'ack-at-once': '{arrived}{Who}立即确认：确认号 {sentAck}。',
    'ack-partial':
      '这个 ACK（确认号 {ack}）只确认了{who}已发送数据的一部分；仍有数据未被确认，所以{who}从现在起重新启动{timer}定时器（{duration}），而不是停止它。',
    'dup-ack-received':
      '这个 ACK（确认号 {ack}）没有确认任何新数据，而{who}仍有数据未被确认：这是一个重复 ACK，连续第 {count} 个。{duplicates}',
    'ack-nothing-new':
      '这个 ACK（确认号 {ack}）没有确认任何新数据，{who}也没有未确认的数据：它什么也不用做。',
    'ack-of-unsent':
      '这个报文段确认到 {ack}，超出了{Who}发送过的一切（SEG.ACK > SND.NXT），不可能属于这个连接的当下。{who}丢弃它。{answer}{late}',
    'out-of-order':
      '这个报文段（序列号 {seq}）乱序到达{who}：它前面还有报文段没到。{Who}重复确认号 {sentAck}，也就是它仍在等待的第一个字节（重复 ACK）。',
    'delayed-ack':
      '{arrived}{Who}先把 ACK 压住最多 {duration}（延迟确认），希望能和自己的数据一起发出。',
    'delayed-ack-expired': '延迟确认定时器到期。{delayed}',
    'quick-ack':
      '{arrived}Linux 立即确认（确认号 {sentAck}）：新连接一开始处于快速确认（quick-ACK）模式，最初的几个 ACK 不会延迟。',
    pingpong:
      '{arrived}Linux 把这个 ACK 压住最多 {duration}（交互模式）：它预计很快就要发送数据，ACK 可以顺带捎上。',
    'after-fin':
      '{Who}已经收到{peer}的 FIN，而 FIN 之后不可能再有数据：这个报文段（序列号 {seq}）只是重复，{who}以确认号 {sentAck} 作答。',
    'challenge-ack':
      '一个 SYN 到达已同步的连接。{who}不轻信它，而是按 RFC 5961 发出挑战 ACK，带上自己真实的序列号（确认号 {sentAck}）：如果对方真的重启了，它会用 RST 回应。',
    'rst-challenge':
      '一个 RST 落在窗口内，但序列号并不恰好是下一个期望值。只有序列号完全吻合的 RST 才会重置连接（RFC 5961），所以{who}不信任它，改为发出挑战 ACK（确认号 {sentAck}）。',

    // ---- 关闭连接 ----
    'app-close': '{Who}的应用调用 {call}()。{close}',
    'close-call':
      '{Who}发出 FIN（序列号 {sentSeq}）：它不再有数据要发送。FIN 和 SYN 一样占用一个序列号，所以对它的确认号将是 {finAck}。{Who}从 {from} 进入 {to}，仍然可以接收数据。',
    'passive-close':
      '{Who}发出自己的 FIN（序列号 {sentSeq}，对它的确认号将是 {finAck}）：它这一方向也关闭了。它从 CLOSE_WAIT 进入 LAST_ACK，等待最后一个 ACK。',
    'close-in-syn-sent': '{Who}在 SYN_SENT 时就放弃了这次连接：连接直接删除，不发送任何报文。',
    'fin-received':
      'FIN 表示{peer}不再有数据要发送。它和 SYN 一样占用一个序列号，所以对它的确认号是 {finAck}。{moves}{afterFin}',
    'fin-acked': '这个 ACK（确认号 {ack}）确认了{who}的 FIN。{finAcked}',
    'time-wait': '{Who}在 TIME_WAIT 停留 2·MSL（{duration}），然后才忘掉这个连接。',
    'time-wait-restart':
      'FIN 又到了：{peer}没有收到最后那个 ACK。{Who}仍处于 TIME_WAIT，所以能再次回复这个 ACK（确认号 {sentAck}），并重新开始 TIME_WAIT 计时（{duration}）。',
    'time-wait-expired':
      '{Who}已在 TIME_WAIT 停留了 {duration}：旧连接的报文段此时都已在网络中消失，于是它忘掉这个连接，这个四元组可以再次使用。',
    'linux-time-wait':
      'Linux 的 TIME_WAIT 套接字固定保留 {duration}（TCP_TIMEWAIT_LEN），与 MSL 无关。',
    'fin-wait-2-timeout':
      '{Who}在 FIN_WAIT_2 等{peer}的 FIN 已经 {duration}，而应用早已不再读取：Linux 丢弃这个孤儿连接（tcp_fin_timeout），不发送任何报文。',
    'listener-close':
      '{Who}的应用关闭监听套接字（LISTEN → CLOSED）：不再接受新连接。已经接受的连接是独立的套接字，不受影响。',
    'listener-drops-embryonic':
      '仍在握手中的连接（SYN_RCVD）还没有被 accept() 取走，它属于监听套接字，随之一起删除。',
    'no-time-wait':
      '在这个没有 TIME_WAIT 的假设中，{who}一发出最后的 ACK 就忘掉了连接（{from} → CLOSED）。',

    // ---- 复位 ----
    'abort-call':
      '{Who}的应用中止了连接（在套接字 API 中，就是先把 SO_LINGER 设为 l_onoff = 1、l_linger = 0，再调用 close()）。{abort}',
    'socket-error': '{call}() 失败，返回 {result}：{who}的连接已经不在了。{error}',
    'rst-closed':
      '{Who}回复 {sentFlags}：发给一个不存在的连接的报文段会得到 RST，除非它本身就是 RST。',
    'rst-listen':
      '{Who}回复一个 RST，其序列号就是那个报文段的确认号（{sentSeq}），让发送方知道这里没有这样的连接。',
    'rst-bad-ack': '这个报文段确认到 {ack}，那是{who}从未发送过的，而它的连接还没有同步。{answer}',
    'rst-refused':
      '这个 RST 是对{who}的 SYN 的回应：那个端口上没有程序接受连接。这次连接尝试被删除（{from} → CLOSED）。{refused}',
    'rst-received':
      '这个 RST 落在窗口内，而且恰好是下一个期望的序列号，所以{who}立即丢弃连接（{from} → CLOSED）。仍持有这个套接字的应用会在下一次调用时得知连接被重置。',
    'rst-in-time-wait':
      '一个序列号恰好是下一个期望值的 RST 在 TIME_WAIT 中到达，结束了 TIME_WAIT：RFC 9293 规定任何状态下收到可接受的 RST 都要关闭连接，Linux 在默认的 tcp_rfc1337 = 0 下也是如此。RFC 1337 把这称为 TIME_WAIT 暗杀；设置 tcp_rfc1337 = 1 后，Linux 会忽略这样的 RST。',
    'rst-embryonic':
      'RST 取消了仍在握手中的连接：{who}删除这个新套接字（{from} → CLOSED），它还从未被 accept() 返回过。监听套接字不受影响，仍处于 LISTEN。',
    'rst-syn-in-window':
      '一个 SYN 落在仍在握手中的连接的窗口内：Linux 视之为错误，回复 RST 并删除连接。',
    'syn-in-window':
      '一个 SYN 落在仍在握手中的连接的窗口内：RFC 9293 让被动打开的连接回到 LISTEN，所以这个新套接字被删除，不作回复，监听套接字照常工作。',
    'rst-without-ack':
      '一个不带 ACK 的 RST 在 SYN_SENT 时到达：没有任何东西能把它和{who}的 SYN 联系起来，所以{who}丢弃它。',
    'no-ack-bit':
      '这个报文段没有 ACK 标志：在已同步的连接上，每个报文段都必须带 ACK，所以{who}丢弃它。',
    'syn-sent-no-syn':
      '{Who}处于 SYN_SENT，而这个报文段既没有 SYN 也没有 RST，无法完成握手，所以{who}丢弃它。',
    'rst-orphan-data':
      '{who}的应用关闭套接字之后又有数据到达：再也没有人会读取它，所以 Linux 回复 RST 并删除连接。',
    'rfc1337-ignore-rst':
      '一个 RST 在 TIME_WAIT 中到达，{who}忽略了它：设置 tcp_rfc1337 = 1 后，Linux 不让 RST 提前结束 TIME_WAIT（RFC 1337）。',

    // ---- 重传 ----
    rto: '{Who}启动重传定时器（{duration}）。',
    'rto-expired': '{Who}的重传定时器到期。{rtx}',
    'rto-linux':
      '{Who}启动重传定时器（{duration}），按 Linux 的算法：SRTT + max(4·RTTVAR, 200 毫秒)。',
    'rto-backoff': '超时时间翻倍为 {duration}（指数退避）。',
    'syn-linear-timeout':
      'Linux 让 SYN 的超时时间保持 {duration}，不翻倍：最初几次重试是线性的（tcp_syn_linear_timeouts）。',
    'retransmit-go-back':
      '这个 ACK 表明下一个报文段（序列号 {sentSeq}）也丢了：超时之后，{who}会重发所有仍未确认的数据，于是立即再发这一个。',
    'fast-retransmit':
      '没有任何定时器到期，{Who}就重发了序列号 {sentSeq}：重复 ACK 告诉它这个报文段丢了（快速重传，RFC 5681）。',
    'syn-repeated':
      '{who}处于 SYN_RCVD 时，{peer}的 SYN 又来了一份：它的 SYN+ACK 一定是丢了，所以{who}立即重发 SYN+ACK。这是 Linux 和 BSD 的做法；RFC 9293 对重复的 SYN 只回复一个单纯的 ACK。',
    'duplicate-syn':
      '{who}处于 SYN_RCVD 时，{peer}的 SYN 又来了一份。这个 SYN 已经计入，它的序列号落在窗口左边，于是适用 RFC 9293 的第一项检查。{answer}SYN+ACK 要等{who}自己的重传定时器到期才会重发（Linux 和 BSD 会立即重发）。',
    'loss-probe': '{Who}启动 Linux 的尾部丢包探测定时器（{duration}）。',
    'loss-probe-sent': '{Who}的丢包探测定时器触发（Linux 的尾部丢包探测，RFC 8985）。{probe}',
    'retries-exhausted':
      '{Who}已经重传到上限，仍然没有得到确认：它放弃并删除连接（{from} → CLOSED），不发送 RST。{gaveUp}',
    'all-acked':
      '这个 ACK（确认号 {ack}）确认了{who}发送的全部数据，所以{who}停止{timer}定时器：已没有未确认的数据。',
    'connection-gone': '{Who}的定时器全部停止：连接已经不在了。',

    // ---- 端口重用与时间戳 ----
    'bind-in-use': '{call}() 失败，返回 EADDRINUSE：{bind}',
    'four-tuple-in-use':
      'connect() 失败，返回 EADDRNOTAVAIL：同样的地址和端口仍对应着一个连接——处于 TIME_WAIT 的旧连接，RFC 9293 拒绝再打开第二个（“连接已存在”）。SO_REUSEADDR 只是让 bind() 可以共用端口。',
    'time-wait-takeover':
      '旧连接处于 TIME_WAIT 时，{Who}从同一端口再次连接。旧连接用了时间戳，所以 Linux 允许新连接接管这个四元组：TIME_WAIT 结束，新连接的序列号从旧连接之后开始（ISN 为旧连接的下一个序列号 + 65537）。旧连接的迟到报文带着更早的时间戳，会被 PAWS 拒绝。',
    'time-wait-no-timestamps':
      'connect() 失败，返回 EADDRNOTAVAIL：使用这组地址和端口的旧连接仍处于 TIME_WAIT，而且没有使用时间戳，Linux 无法区分它的迟到报文和新报文，因此不允许接管这个四元组。',
    'time-wait-reopen':
      '一个新的 SYN 到达，目标是{who}处于 TIME_WAIT 的四元组。它的序列号（或时间戳）比旧连接用过的都新，不可能是旧的重复报文：TIME_WAIT 结束，由监听套接字开始新连接（RFC 6191）。',
    'time-wait-reopen-linux':
      '一个新的 SYN 到达，目标是{who}处于 TIME_WAIT 的四元组，而且比旧连接用过的都新。Linux 结束 TIME_WAIT，新连接的 ISN 为 {isn}，即旧连接的下一个序列号 + 65537。',
    'reuse-time-wait':
      '在这个假设中，{who}直接从处于 TIME_WAIT 的连接手里拿走这个四元组，没有任何真实协议栈要求的保护：TIME_WAIT 结束，新连接的 ISN 取自 ISN 时钟，也没有 PAWS 来拒绝旧报文。',
    paws: '{Who}丢弃这个报文段：它的时间戳比这个连接上见过的最新时间戳还旧，PAWS（RFC 7323）因此认定它是旧的重复报文。{answer}{late}',
    'out-of-window':
      '这个 {flags} 报文段（序列号 {seq}）落在{who}的接收窗口之外，{who}丢弃它。{answer}{late}',
    'no-connection': '这个 {flags} 报文段在{who}找不到对应的连接。{noConnection}{late}',
    'listener-gets-ack':
      '这个 {flags} 报文段到达{who}的监听套接字，而它不属于任何连接：监听套接字只接收 SYN。{late}',

    // ---- 网络与场景 ----
    fault: '网络丢失了{who}发出的这个 {flags} 报文段：是课程安排在这里丢掉的。{recovery}',
    'random-loss': '网络丢失了{who}发出的这个 {flags} 报文段（随机丢包）。{recovery}',
    injected:
      '课程注入了一个手工构造的 {sentFlags} 报文段（序列号 {sentSeq}），就像是{who}发出的。',
  },

  facts: {
    arrived: {
      data: '{len} 字节按顺序到达（序列号 {seq}）。',
      oldData:
        '先前那个连接的一个迟到报文段到了：{len} 字节，是那个连接的序列号 {seq}。它的序列号恰好落在新连接的窗口内，于是{who}把它当作新数据收下——这些字节{peer}在这个连接上从未发送过。',
      fin: 'FIN 到了。',
    },
    connected: { yes: '它的 connect() 返回。' },
    moves: { yes: '{Who}从 {from} 进入 {to}。' },
    duplicates: {
      below: '还达不到快速重传所需的三个重复 ACK（RFC 5681），所以{who}暂时不重发任何内容。',
      threshold:
        '连续三个正是 RFC 5681 快速重传的门槛：实现了快速重传的协议栈此时会立即重发缺失的报文段；本实验模拟的引擎没有实现它，交给重传定时器处理。',
    },
    waits: { synRcvd: '它在 SYN_RCVD 等待第三个报文段。' },
    late: { yes: '这是这个四元组上先前那个连接的迟到报文段。' },
    isnNote: {
      relative: '，图中显示为 {isnNext}：图上每一方的序列号都从自己的 ISN 起算',
      absolute: ' = {isnNext}',
    },
    data: {
      written: '{Who}的应用写入数据；TCP 用一个报文段发出 {bytes} 字节，序列号 {dataSeq}。',
      writtenMany:
        '{Who}的应用写入数据；TCP 把它切成 {count} 个报文段，每段不超过一个 MSS，共 {bytes} 字节，序列号从 {dataSeq} 开始，在{peer}的窗口允许的范围内发出。',
      queued:
        '{Who}的应用写入了数据，但 TCP 暂时不能发送（还没有连接，或者没有窗口），数据先留在发送缓冲区。',
      later: '{Who}现在发出应用先前写入的 {bytes} 字节，序列号 {dataSeq}。',
      laterMany:
        '{Who}现在发出应用先前写入的 {bytes} 字节，分成 {count} 个报文段，序列号从 {dataSeq} 开始。',
    },
    delayed: {
      sent: '{Who}发出被压住的 ACK：确认号 {sentAck}。',
      none: '被压住的 ACK 已经随别的报文段发出去了。',
    },
    timer: {
      retransmit: '重传',
      'loss-probe': '丢包探测',
      'time-wait': 'TIME_WAIT',
      'fin-wait-2': 'FIN_WAIT_2',
      'delayed-ack': '延迟确认',
    },
    close: {
      queued: '它的 FIN 要等仍在排队的数据发完之后才发出。',
      done: '它已经发过 FIN，不会再发出任何报文。',
      gone: '它的连接已经不在了，不发送任何报文。',
    },
    afterFin: {
      closeWait: '它自己的应用在关闭之前仍可以继续发送数据。',
      timeWait:
        '它自己的 FIN 早已被确认，所以这个 ACK 是整个连接的最后一个报文段；{who}处于 TIME_WAIT，以防这个 ACK 丢失。',
      closing: '它自己的 FIN 还没有被确认：双方同时在关闭。',
    },
    finAcked: {
      finWait2: '这个方向已经关闭：{who}进入 FIN_WAIT_2，等待{peer}的 FIN，仍然可以接收数据。',
      timeWait: '现在两个方向都已关闭：{who}从 CLOSING 进入 TIME_WAIT，在那里等待。',
      closed:
        '两个方向都已关闭，{who}没有什么需要再等的了（{from} → CLOSED）。处于 TIME_WAIT 的是先关闭的那一方。',
    },
    abort: {
      rst: 'TCP 发出 RST（序列号 {sentSeq}）而不是 FIN，丢掉所有尚未发送的数据，立即忘掉连接，不经过 TIME_WAIT。',
      silent: '对方那里没有需要重置的东西，连接直接删除。',
    },
    error: {
      ECONNRESET: '连接已被 RST 重置，重置之后的第一次调用会报告这个错误。',
      EPIPE: '在已经不能再发送的连接上发送，就是“管道破裂”。',
      ETIMEDOUT: '连接超时：它的重传都没有得到回应。',
      ECONNREFUSED: '它的连接尝试被拒绝了。',
    },
    answer: {
      ack: '{Who}回复一个 ACK，告知它期望的确认号 {sentAck}。',
      limited: '它刚刚回复过这样的报文，这一次不再回复（限速）。',
      rst: '没有人会回复 RST。',
      rstSent: '{Who}回复一个 RST（序列号 {sentSeq}）。',
    },
    refused: { call: 'connect() 立即失败，返回 {result}，不会重试。' },
    rtx: {
      sent: '它的 {sentFlags}（序列号 {sentSeq}）仍未被确认，所以{who}重发它。',
      sentData: '它在序列号 {sentSeq} 处的报文段（{sentLen} 字节）仍未被确认，所以{who}重发它。',
      none: '已经没有需要重发的内容了。',
    },
    probe: {
      sent: '已经有一段时间没收到 ACK 了，于是{who}现在就把最后一个未确认的报文段（{sentFlags}，序列号 {sentSeq}）再发一次，而不是等重传定时器：它的 ACK 能更早表明是否有报文丢失。',
      none: '已经没有可以用来探测的报文段了。',
    },
    gaveUp: { connect: 'connect() 失败，返回 ETIMEDOUT。' },
    bind: {
      timeWait:
        '这个端口仍被处于 TIME_WAIT 的旧连接占用，没有设置 SO_REUSEADDR，bind() 就不能共用它。正是这一点把旧报文段挡在新连接之外。',
      busy: '这个端口正被一个仍然打开的套接字使用。',
    },
    options: { none: '无' },
    noConnection: {
      rst: '它是一个 RST，RST 从不会得到回复，所以直接丢弃。',
      silent: '它被直接丢弃，不作回复。',
    },
    recovery: {
      timer: '{Who}此时还不知道，只有它的重传定时器会告诉它。',
      bareAck: '没有人会重传单纯的 ACK：只能靠后面的报文段，或者{peer}自己的重传来弥补。',
      rst: 'RST 从不重传。',
    },
  },

  nothing: '这个 {flags} 报文段到达{who}，记录中看不到它引起的任何反应。',
};
