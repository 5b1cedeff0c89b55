// 打开抓包文件相关的文字：页眉按钮、拖放提示、读取进度、连接列表，以及抓包无法呈现的内容。
// 随按钮在首张时序图之后加载（惰性命名空间，见 ../../core.ts）。
import type { Messages } from '../../types';
import type { capturing as en } from '../en/capturing';

export const capturing: Messages<typeof en> = {
  open: '打开抓包文件',
  openHint: 'Wireshark 或 tcpdump 保存的 .pcap / .pcapng 文件',
  drop: '松开鼠标即可打开这个 .pcap / .pcapng 文件',
  reading: '正在读取 {file}…',
  progressLabel: '正在读取抓包文件',
  progressMb: '{done} / {total} MB',
  cancel: '取消',
  cancelled: '已停止读取 {file}；之前显示的内容保持不变。',
  file: '抓包文件：{file}',
  summary: '数据包：{packets} 个 · TCP 连接：{connections} 条 · {format} 格式',
  truncated: '文件在某个数据包中间就结束了：只显示此前完整的部分。',
  warnings: '读取时遇到 {count} 个问题；第一个位于第 {offset} 字节：{first}。',
  none: '这个文件里没有 TCP 连接。',
  pick: '选择一条连接，把它画出来：',
  listLabel: '抓包中的 TCP 连接',
  packets: '{n} 个数据包',
  started: '开始于 {time}',
  ending: {
    fin: '以 FIN 正常关闭',
    rst: '被重置（RST）',
    open: '抓包结束时仍未关闭',
  },
  beforeCapture: '在抓包开始前就已建立',
  current: '当前显示',
  more: '再显示 {n} 条',
  drawing: '正在绘制这条连接…',
  close: '关闭文件',
  shownTitle: '真实的连接：{label}',
  inferredTitle: '接收方的时间是推断出来的',
  inferred:
    '抓包文件里每个数据包只有一个时间戳，记录的是它在抓包点被看到的时刻。每个箭头从抓到的时间出发；它何时到达对端，以及双方的状态，都是把抓到的报文段交给 TCP 状态规则推演出来的。这里没有什么可以重新运行，改变课程的那些选项对它不起作用。',
  cannotShow: '这份抓包无法呈现的内容',
  back: '在上方的课程列表里选一课，即可回到课程。',
  who: {
    client: '客户端',
    server: '服务器',
  },
  notes: {
    startedEstablished:
      '抓包开始时握手已经完成：第一个报文段之前的状态无从得知，这里按 ESTABLISHED 显示。',
    startedSynSent: '抓包开始于客户端发出 SYN 之后：客户端按 SYN_SENT 显示，服务器按正在监听显示。',
    synNotCaptured: '{who}在 {at} 回应了一个 SYN，但这个 SYN 不在抓包里。',
    synAckNotCaptured: '{who}在 {at} 确认了一个 SYN+ACK，但这个 SYN+ACK 不在抓包里。',
    noAnswer: '服务器在这份抓包里没有发出任何报文段：它的状态无从得知。',
    retransmission:
      '{who}在 {at} 再次发送了它的 {flags}（seq {seq}），第一次发送是在 {firstAt}：第一份或对它的确认多半丢在了抓包看不到的地方。图中按已送达绘制。',
    retransmissionFirstUnseen:
      '{who}在 {at} 再次发送了它的 {flags}（seq {seq}）：第一份或对它的确认多半丢在了抓包看不到的地方。图中按已送达绘制。',
    snapTruncated:
      '有 {count} 个报文段被抓包的截断长度（snap length）截短：它们的长度取自 IP 首部，载荷并不完整地在文件里。',
    timeNotADate:
      '它的抓包时间超出了任何日期的范围（文件的时间精度或时间偏移多半有误）：这里不显示开始时间，各数据包的时间从第一个数据包算起。',
    timeUnusable:
      '它的抓包时间大得无法精确表示（超过 2^53 秒，时间精度或时间偏移有误时会这样）：无法分辨各数据包的先后间隔，所以不能把它画出来。',
    captureCut: '抓包在连接结束之前就停止了：客户端停在 {client}，服务器停在 {server}。',
  },
};
