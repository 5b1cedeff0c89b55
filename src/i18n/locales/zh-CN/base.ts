// 简体中文词典中首先需要的部分（ui、lessons）：loadLocale() 以动态 import() 加载的单独代码块。
// explain、answers、inspector 与 stateMachine 各自是更晚加载的代码块（见 ../../core.ts 的 loadNamespace）。
import { lessons } from './lessons';
import { ui } from './ui';

export const zhCNBase = { ui, lessons };
