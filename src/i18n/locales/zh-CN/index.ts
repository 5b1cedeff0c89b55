// 简体中文词典。只通过 loadLocale() 的动态 import() 加载，因此是单独的代码块，不在首屏 JS 中。
import type { Messages } from '../../types';
import type { en } from '../en/index';
import { answers } from './answers';
import { capturing } from './capturing';
import { embedding } from './embedding';
import { explain } from './explain';
import { exporting } from './exporting';
import { inspector } from './inspector';
import { lessons } from './lessons';
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
  lessons,
};
