// 简体中文词典（全部）：形状与英文词典相同（由 tsc 检查）。页面按需分块加载（先是 base.ts，
// 其余命名空间各自稍后加载），这个完整对象供测试和工具使用。
import type { Messages } from '../../types';
import type { en } from '../en/index';
import { answers } from './answers';
import { capturing } from './capturing';
import { embedding } from './embedding';
import { explain } from './explain';
import { exporting } from './exporting';
import { inspector } from './inspector';
import { lessonFrames } from './lessonFrames';
import { lessons } from './lessons';
import { predicting } from './predicting';
import { stateMachine } from './stateMachine';
import { ui } from './ui';

export const zhCN: Messages<typeof en> = {
  ui,
  answers,
  explain,
  inspector,
  stateMachine,
  exporting,
  embedding,
  capturing,
  predicting,
  lessons,
  lessonFrames,
};
