// “嵌入”对话框的文字：在第一次需要该对话框时加载（惰性命名空间，见 ../../core.ts）。打开它的按钮在 `ui.share` 中。
import type { Messages } from '../../types';
import type { embedding as en } from '../en/embedding';

export const embedding: Messages<typeof en> = {
  title: '嵌入课程页面',
  intro:
    '把这段 HTML 粘贴到课程页面里（Moodle、Canvas 或任何允许 iframe 的网页）。其中的脚本会让框架随实验内容自动调整高度。',
  language: '语言',
  followBrowser: '跟随浏览器',
  controls: '控件',
  controlsFull: '完整页面',
  controlsCompact: '精简：时序图和单步控件',
  controlsSteps: '只保留单步控件',
  autoplay: '加载后自动播放',
  startStep: '从第几步开始（0–{total}）',
  theme: '主题',
  width: '宽度（像素，或百分比，如 100%）',
  height: '高度（像素）',
  snippet: '要粘贴的 HTML',
  preview: '预览',
  copy: '复制 HTML',
  copied: 'HTML 已复制',
  manualCopy: '这里无法使用剪贴板：HTML 已选中，请手动复制。',
  mode: '学生做什么',
  modeWatch: '一步一步观看连接',
  modePredict: '在每个报文段画出之前先预测（计分）',
  attempt: '全班使用同一组数值（尝试种子 1–999999；留空则每个学生各得一组新数值）',
  exerciseSet: '练习组：连续完成的几课，计算总分（不勾选则为当前这一课）',
  close: '关闭',
};
