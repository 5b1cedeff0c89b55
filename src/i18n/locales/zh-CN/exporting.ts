// 导出菜单与 Markdown 讲义的文字：随菜单在首张时序图之后加载（惰性命名空间，见 ../../core.ts）。
import type { Messages } from '../../types';
import type { exporting as english } from '../en/exporting';

export const exporting: Messages<typeof english> = {
  menu: {
    open: '导出',
    theme: '配色',
    themes: {
      current: '与屏幕一致',
      light: '浅色',
      dark: '深色',
    },
    diagram: '第 {n} 步的时序图',
    svg: '时序图（SVG）',
    png: '时序图（PNG，2 倍）',
    run: '整个运行过程',
    trace: '事件轨迹（JSON）',
    markdown: '逐步说明（Markdown）',
    pcap: '保存为 .pcap 抓包文件（可用 Wireshark 打开）',
    busy: '正在生成文件…',
    done: '已保存 {file}。',
    failed: '导出失败：{reason}',
    tooManyArrows:
      '这一步显示 {count} 个箭头，超过一张图能容纳的上限（{max} 个）。请导出更早的步骤，或把运行过程保存为事件轨迹、逐步说明或 .pcap 文件。',
  },
  markdown: {
    title: '{app}：{lesson}',
    changed: '相对课程的改动',
    unchanged: '选项与课程设定一致',
    droppedByHand: '手动丢弃的报文段：{count} 个',
    on: '开',
    off: '关',
    steps: '逐步说明',
    after: '这一步之后：客户端 {client}，服务器 {server}',
    final: '结束时：客户端 {client}，服务器 {server}。',
    footer: '由 Handshake Lab 握手实验室生成；协议行为依据 RFC 9293。',
  },
};
