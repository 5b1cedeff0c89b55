// 每一步发生了什么、为什么：与英文版键名一致（由 tsc 检查），措辞独立。
import type { Messages } from '../../types';

export const explain: Messages<typeof import('../en/explain').explain> = {
  side: { client: '客户端', server: '服务器', listener: '服务器的监听套接字' },
  Side: { client: '客户端', server: '服务器', listener: '服务器的监听套接字' },

  app: {
    listen:
      '{Who}应用调用 listen()：它的监听套接字打开，在 LISTEN 中等待 SYN 到来。被动打开不发送任何报文，只是准备好应答。',
    accept:
      '{Who}应用的 accept() 返回了新连接：它的握手已经完成。监听套接字仍处于 LISTEN，等待下一个连接。',
    connect:
      '{Who}调用 connect()：TCP 选定初始序列号（ISN = {isn}），发出携带它的 SYN，然后在 SYN_SENT 等待对方回应。',
    connectReuse:
      '{Who}在旧连接仍处于 TIME_WAIT 时，用同一端口再次连接，并且被允许（reuse）：TIME_WAIT 记录被丢弃，新的 SYN 带着由 ISN 时钟算出的 {isn} 发出。',
    connectInUse:
      'connect() 失败，返回 EADDRINUSE：端口仍被一个处于 TIME_WAIT 的连接占用，没有设置 SO_REUSEADDR 就暂时不能再绑定它。正是这一点让旧报文没有机会混进新连接。',
    connectExists:
      'connect() 失败，返回 EADDRNOTAVAIL：地址和端口完全相同的连接仍然存在（处于 TIME_WAIT），RFC 9293 拒绝再打开第二个（“连接已存在”）。',
    connectNoTimestamps:
      'connect() 失败，返回 EADDRNOTAVAIL：这对端口上的旧连接仍处于 TIME_WAIT，而且没有使用 TCP 时间戳，Linux 无法区分它的迟到报文和新报文，因此不允许接管。',
    connectNotAvailable: 'connect() 失败，返回 EADDRNOTAVAIL：这对地址和端口仍被先前的连接占用。',
    connectTakeover:
      '{Who}在旧连接处于 TIME_WAIT 时从同一端口再次连接。旧连接使用了时间戳，所以 Linux 允许新连接接管这对端口：TIME_WAIT 结束，SYN 以 ISN {isn} 开始，高于旧连接的序号。旧连接的迟到报文带着更早的时间戳，会被 PAWS 拒绝。',
    connectReuseWhatIf:
      '在这个假设中，{who}不经任何真实协议栈要求的保护，直接从 TIME_WAIT 中的连接接管这对端口：TIME_WAIT 结束，新的 SYN 以 ISN {isn} 发出。',
    send: '{Who}应用写入 {bytes} 字节；TCP 立即用一个报文段发出（序列号从 {seq} 开始），并启动重传定时器。',
    sendMany:
      '{Who}应用写入 {bytes} 字节；TCP 按 MSS 把它切成 {count} 个报文段（序列号从 {seq} 开始），在窗口允许的范围内全部发出。',
    sendQueued:
      '{Who}应用写入了数据，但 TCP 暂时不能发送（窗口不够或没有连接），数据先留在发送缓冲区。',
    sendFailed: 'send() 失败，返回 {result}：{who}已经没有可以发送数据的连接了。',
    shutdown:
      '{Who}调用 shutdown()：它不再发送数据，于是 TCP 发出 FIN，进入 {to}。它仍然可以接收——连接只是半关闭。',
    closeActive: '{Who}先关闭（主动关闭）：TCP 发出 FIN，进入 FIN_WAIT_1，等待对方确认。',
    closePassive:
      '{Who}应用已经读到对方的 FIN，现在也关闭：TCP 发出自己的 FIN，进入 LAST_ACK，等待最后一个 ACK。',
    closeSynSent: '{Who}在 SYN_SENT 时就关闭了：连接直接删除，不发送任何报文。',
    closeListener: '{Who}关闭监听套接字，不再接受新连接。',
    closeListenerStops:
      '{Who}应用关闭了监听套接字（{from} → {to}）：不再接受新连接。已经接受的连接是各自独立的套接字，不受影响。',
    closeListenerPending:
      '{Who}应用关闭了监听套接字（{from} → {to}）：不再接受新连接；仍在握手中（{state}）、accept() 从未返回的那个连接也随之被丢弃。',
    closeNothing: '{Who}关闭了一个没有连接的套接字，无需发送任何报文。',
    closeQueued: '{Who}关闭：FIN 会排在尚未发出的数据之后。',
    abort:
      '{Who}异常终止连接：不发礼貌的 FIN，而是发 RST，并立即丢弃连接，没有 TIME_WAIT，未发送的数据也一并丢掉。',
    abortSilent: '{Who}终止了一个无需复位的连接，直接删除即可。',
    failed: '{call}() 失败，返回 {result}。',
  },

  send: {
    'active-open': '{Who}发起连接：发送带有初始序列号的 SYN。',
    'passive-open':
      '监听套接字收到 SYN：{who}确认它（确认号 {ack}），并在同一个报文段里发出自己的 SYN。',
    'simultaneous-open':
      '{Who}正处于 SYN_SENT 时收到对方的 SYN，于是用自己的 ISN 回一个 SYN+ACK（同时打开）。',
    'handshake-ack':
      '三次握手的第三个报文段：确认对方的 SYN（确认号 {ack}），双方从此都知道了彼此的 ISN。',
    data: '{len} 字节应用数据，序列号从 {seq} 开始。',
    ack: '立即发出的确认：确认号 {ack} 之前的数据都已收到。',
    'delayed-ack': '被延迟确认定时器压了一会儿的 ACK——本想等数据一起捎带。',
    fin: '{Who}没有更多数据要发了：发送 FIN，它占用一个序列号（{seq}）。',
    retransmit: '重传：第一次发出的报文在重传定时器到期前没有得到确认。',
    'dup-ack':
      '重复确认：到达的报文段不是期望的下一个（或是旧报文），{who}再次告诉对方自己期待的确认号 {ack}。',
    'challenge-ack':
      '挑战 ACK（RFC 5961）：窗口内到达了 RST 或 SYN，但位置不完全对，{who}不直接复位，而是要求对方证明双方仍然同步。',
    'rst-closed': '报文段所属的连接并不存在，{who}只能回复 RST。',
    'rst-listen': '监听套接字收到一个它从未建立过的连接的 ACK，于是回复 RST。',
    'rst-bad-ack': '握手期间，报文确认了{who}从未发送过的数据，{who}回复 RST。',
    'rst-orphan-data':
      '{who}的应用已经关闭套接字后又来了数据，没人会读取它，于是回复 RST（Linux 行为）。',
    'rst-syn-in-window': '已同步的连接在窗口内收到 SYN，{who}将连接复位。',
    abort: '应用异常终止了连接：发送 RST。',
    'loss-probe':
      '尾部丢包探测（Linux，RFC 8985）：一段时间没有收到 ACK，{who}在重传定时器到期之前重发最后一个未确认的报文段，以便更早发现丢包。',
    'paws-ack':
      '应答一个被 PAWS 丢弃的报文段的 ACK（RFC 7323）：告诉发送方{who}真正期望的确认号 {ack}。',
    injected: '课程手工注入的报文段，就像是{who}发出的一样。',
  },

  arrive: {
    synListen:
      'SYN 到达处于监听状态的{who}：它记下{peer}的 ISN，回复带有自己 ISN、确认号为 {replyAck} 的 SYN+ACK，进入 SYN_RCVD 等待第三次握手。',
    synNewSocket:
      'SYN 到达{who}的监听套接字，它为这个连接创建了一个新套接字；监听套接字本身仍处于 LISTEN。新套接字记下{peer}的 ISN，回复带有自己 ISN、确认号为 {replyAck} 的 SYN+ACK，进入 SYN_RCVD 等待第三次握手。',
    synListenTwoWay:
      'SYN 到达{who}。在这个假设里握手只有两次，所以 SYN+ACK 一发出，{who}就认为连接已经 ESTABLISHED，却无法确认{peer}此刻是否真的想要这个连接。',
    synSimultaneous:
      '{Who}自己也处于 SYN_SENT 时收到对方的 SYN：两个 SYN 在途中交错。它进入 SYN_RCVD，并回复 SYN+ACK。',
    synReopensTimeWait:
      '一个新的 SYN 到达仍处于 TIME_WAIT 的连接。它的序列号比旧连接的大，不可能是旧的重复报文，所以{who}允许新连接开始。',
    synClosedPort: 'SYN 到达一个没有进程监听的端口，{who}回复 RST+ACK：这里建立不了连接。',
    synAgain:
      '{who}在 SYN_RCVD 时又收到一份 SYN：说明自己的 SYN+ACK 可能丢了，于是再发一次 SYN+ACK。',
    synChallenge: '已同步的连接上来了一个 SYN。{who}不轻信它，而是回复挑战 ACK（RFC 5961）。',
    synInWindow: '已同步连接的窗口内出现 SYN，{who}视为错误并复位连接。',
    synAck:
      'SYN+ACK 确认了{who}的 SYN（确认号 {ack}），并带来{peer}的 ISN。{Who}进入 ESTABLISHED，并发送第三个报文段确认它。',
    synAckSimultaneous:
      'SYN+ACK 确认了{who}自己的 SYN：在同时打开中，这就完成了握手，{who}进入 ESTABLISHED。',
    synAckNoConnection:
      '这个 SYN+ACK 应答的是一个{who}早已放弃的 SYN，{who}回复 RST。三次握手正是靠这一步挡住过期的连接请求。',
    synAckAgain: '连接已经 ESTABLISHED 后又来了一个 SYN+ACK（对方的重传），{who}再确认一次即可。',
    handshakeAck:
      'ACK 确认了{who}的 SYN（确认号 {ack}）：双方的 ISN 都得到确认，{who}也进入 ESTABLISHED。',
    handshakeAckAccepted:
      'ACK 确认了{who}的 SYN（确认号 {ack}）：双方的 ISN 都得到确认，{who}的新连接进入 ESTABLISHED。应用的 accept() 返回这个连接；监听套接字继续监听。',
    data: '{len} 字节按序到达（序列号 {seq}），{who}立即用确认号 {replyAck} 确认。',
    dataDelayedAck:
      '{len} 字节按序到达（序列号 {seq}）。{Who}先不急着确认，希望能和数据一起发出 ACK（延迟确认）。',
    dataNoAck: '{len} 字节到达（序列号 {seq}），{who}暂时没有确认。',
    dataDuplicate:
      '{who}已经收到过的字节又来了一次（序列号 {seq}）：直接丢弃，并重复确认号 {replyAck}，即它期待的下一个字节。',
    outOfOrder:
      '这个报文段（序列号 {seq}）越过了一个空缺：前面有报文没到。{Who}先把它存起来，并重复确认号 {replyAck}，表示还在等那个字节。',
    ack: 'ACK（确认号 {ack}）确认了{who}发出的数据，{who}停止重传定时器。',
    ackRestart: 'ACK（确认号 {ack}）确认了{who}发出的一部分数据，{who}为剩下的部分重启重传定时器。',
    ackProbe: 'ACK（确认号 {ack}）确认了{who}发出的数据，{who}停止丢包探测定时器：无需再探测。',
    ackProbeAgain:
      'ACK（确认号 {ack}）确认了{who}发出的一部分数据，{who}为剩下的部分重新设置丢包探测定时器。',
    ackNothing: 'ACK（确认号 {ack}）到达，{who}没有新的事情要做。',
    dupAckIgnored: '一个重复的 ACK 到达，{who}没有需要重发的内容。',
    ackUnacceptable:
      '这个报文段的序列号或确认号不在{who}期望的范围内，{who}丢弃它，并回复自己期望的序号。',
    ackAtListen:
      '一个带 ACK 的报文段到达监听套接字，但没有对应的连接，{who}回复 RST 让发送方停下。',
    badAck: '这个报文确认了{who}从未发送的内容，{who}回复 RST。',
    challenge: '到达的报文可能是攻击（RFC 5961）：{who}不照做，而是用自己真实的序号回复挑战 ACK。',
    noConnection: '这个报文段不属于{who}所知的任何连接，于是回复 RST。',
    dataAfterClose:
      '{who}的应用已经关闭后又来了数据，永远不会有人读取，{who}复位连接（Linux 行为）。',
    fin: 'FIN 表示{peer}不再发送数据。{Who}确认它（确认号 {replyAck}），进入 CLOSE_WAIT；在自己关闭之前，{Who}的应用仍可以继续发送。',
    finAndClose:
      'FIN 到达，{who}确认它；应用读到文件结束后立刻关闭，于是{who}也发出 FIN，进入 LAST_ACK。',
    finDelayedAckClose:
      'FIN 到达。Linux 会把 ACK 延迟几十毫秒，这期间应用读到文件结束并关闭，于是一个 FIN+ACK 同时捎带了确认和 FIN：四次挥手变成了三次。',
    finSimultaneous:
      '{Who}的 FIN 还没被确认，对方的 FIN 就到了：双方同时关闭。{Who}确认它，进入 CLOSING。',
    ackOfFinClosing:
      '{who}在 CLOSING 收到了对自己 FIN 的确认：两个方向都已关闭，{who}进入 TIME_WAIT，等待 2MSL。',
    finTimeWait:
      '对方的 FIN 到达，而{who}自己的 FIN 早已被确认：{who}发出最后一个 ACK，进入 TIME_WAIT，等待 2MSL，以防这个 ACK 丢失。',
    finNoTimeWait:
      '对方的 FIN 到达，{who}发出最后一个 ACK；在这个“没有 TIME_WAIT”的假设中，它立即忘掉了这个连接。',
    finAgainTimeWait:
      'FIN 又来了：{peer}没有收到最后的 ACK。{who}还在 TIME_WAIT，所以能再次回复 ACK，并重新开始 2MSL 计时。',
    finAgainTimeWaitNoRestart: '{who}在 TIME_WAIT 中再次收到 FIN，又确认了一次。',
    finNoConnection:
      '重传的 FIN 找不到连接：{who}早已忘掉它，只能回复 RST。TIME_WAIT 的存在，就是为了能用 ACK 正常回应这个 FIN。',
    ackOfFin:
      'ACK 确认了{who}的 FIN：这个方向已关闭，{who}在 FIN_WAIT_2 等待对方的 FIN，期间仍能接收数据。',
    lastAck:
      '最后一个 ACK 确认了{who}的 FIN：{who}这边的连接就此关闭，无需等待——等待 TIME_WAIT 的是另一方。',
    rstRefused:
      'SYN 换来的是 RST：那个端口没有进程监听。connect() 立即失败，返回 ECONNREFUSED，不会重试。',
    rstBackToListen: '握手期间收到 RST：这次连接尝试被取消，{who}回到 LISTEN，没有任何损失。',
    rstReset: 'RST 到达且位于窗口内，{who}立即丢弃连接（{from} → CLOSED），应用会看到 ECONNRESET。',
    rstEmbryonic:
      '握手期间收到 RST：{who}在 accept() 返回它之前就删除了这个新连接的套接字（{from} → CLOSED）。监听套接字不受影响，仍处于 LISTEN。',
    rstWhileClosing: '{who}正在关闭（{from}）时收到 RST，连接立即被丢弃。',
    rstChallenge: 'RST 落在窗口内却不在期望的位置，{who}不信任它，回复挑战 ACK（RFC 5961）。',
    rstTimeWait:
      'TIME_WAIT 中收到 RST，{who}忽略它继续等待（RFC 1337），以免一个游荡的 RST 提前结束 TIME_WAIT。',
    rstIgnored: '这个 RST 的序号和连接对不上，{who}忽略它。',
    oldDataAccepted:
      '上一个连接的旧报文到了（在旧连接中的序列号为 {seq}）。它的序列号恰好落在新连接的接收窗口内，于是{who}把这些字节当作新数据收下，并确认到 {replyAck}——而对方在这个连接里根本没发过这些数据。',
    oldNoConnection:
      '早先连接的一个报文段迟到了。没有连接能接收它，{who}回复 RST，它不会造成任何危害。',
    oldSyn:
      '一个旧的重复 SYN 到达。{Who}回复 SYN+ACK 并在 SYN_RCVD 等待，但第三次握手永远不会来，因为{peer}并没有发起这个连接。',
    oldSynTwoWay:
      '一个在网络中滞留许久的旧 SYN 到达{who}，而{peer}早就放弃了。若握手只有两次，{who}立刻进入 ESTABLISHED：这是一个没人请求过的“幽灵连接”。',
    oldIgnored: '早先连接的一个旧报文到达，与当前序号对不上，{who}忽略它。',
    paws: '{Who}丢弃了这个报文段：它的时间戳比这个连接上最近见到的更早，PAWS（RFC 7323）把它当作旧的重复报文。',
    pawsAcked:
      '{Who}丢弃了这个报文段：它的时间戳比这个连接上最近见到的更早，PAWS（RFC 7323）把它当作旧的重复报文。{Who}回复一个 ACK，给出自己期望的确认号 {replyAck}。',
    outOfWindow: '这个报文段落在{who}的接收窗口之外，被丢弃。',
    outOfWindowAcked:
      '这个报文段落在{who}的接收窗口之外，被丢弃；{who}回复一个 ACK，给出自己期望的确认号 {replyAck}。',
    noConnectionSilent: '{who}没有与这个报文段对应的连接，直接丢弃，不作应答。',
    duplicateAnswered: '同一个报文段的第二份副本到达（网络复制了它），{who}按已知情况再回应一次。',
    duplicateIgnored: '同一个报文段的第二份副本到达（网络复制了它），{who}已经处理过，直接忽略。',
    injected: '手工构造的报文段（{flags}）到达{who}，{who}的反应是 {reaction}。',
    injectedIgnored: '手工构造的报文段（{flags}）到达{who}，没有引起任何变化。',
    nothing: '{flags} 报文段到达{who}，没有引起任何变化。',
  },

  drop: {
    fault:
      '网络丢掉了这个 {flags} 报文段（课程特意安排）。{Who}此时并不知道，只有重传定时器会告诉它。',
    loss: '网络丢掉了这个 {flags} 报文段（随机丢包）。{Who}要等重传定时器到期才会发现。',
    ackFault:
      '网络丢掉了这个 ACK（课程特意安排）。没有人会重传单独的 ACK：{peer}只会因为自己的报文迟迟得不到确认而察觉。',
    ackLoss: '网络丢掉了这个 ACK（随机丢包）。单独的 ACK 不会被重传，之后的报文或重传会弥补它。',
    rst: '网络丢掉了 RST。RST 既不会被重传，也不会被确认。',
  },

  timer: {
    retransmitSyn:
      '重传定时器到期仍未收到 SYN+ACK，{who}重发 SYN，并把超时时间加倍为 {rto}（指数退避）。',
    retransmitSynAck: '迟迟没有等到第三次握手，{who}重发 SYN+ACK，并把超时时间加倍为 {rto}。',
    retransmitFin:
      'FIN 没有及时得到确认，{who}重发它（序列号仍为 {seq}），并把超时时间加倍为 {rto}。',
    retransmitData:
      '序列号 {seq} 的报文段没有及时得到确认，{who}重传它，并把超时时间加倍为 {rto}。',
    retransmitNothing: '{Who}的重传定时器到期，但已经没有需要重发的内容。',
    connectTimeout:
      '{Who}已把 SYN 重传到上限仍无应答：connect() 失败，返回 ETIMEDOUT，放弃这次连接。',
    giveUp: '{Who}重传到上限仍没有得到确认：放弃并丢弃连接（{state} → CLOSED）。',
    lossProbe:
      '{Who}的丢包探测定时器到期（Linux 的尾部丢包探测）：一段时间没有收到 ACK，于是现在就重发最后一个未确认的报文段（{flags}，序列号 {seq}），而不是等待重传定时器。',
    lossProbeNothing: '{Who}的丢包探测定时器到期，但已经没有可用来探测的报文。',
    timeWait:
      '在 TIME_WAIT 中已等满 2MSL（{duration}）：旧连接的报文都已在网络中消失，{who}忘掉这个连接，这对端口可以再次使用了。',
    finWait2: '{Who}在 FIN_WAIT_2 等对方的 FIN 等得太久，而应用早已不再关心：连接被丢弃。',
    delayedAck: '延迟确认定时器到期，没有数据可以捎带 ACK，{who}单独发出它（确认号 {ack}）。',
    delayedAckNothing: '延迟确认定时器到期，但 ACK 早已发出。',
  },

  other: {
    nothing: '这一步没有可见的变化。',
  },
};
