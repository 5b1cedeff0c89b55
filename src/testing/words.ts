// The features' words for tests that render a feature without the page around it (the page's
// composition root registers them as lazy chunks; here they are imported at once).
import { registerNamespace, type LazyNamespace } from '../i18n';
import { answers as enAnswers } from '../i18n/locales/en/answers';
import { capturing as enCapturing } from '../i18n/locales/en/capturing';
import { embedding as enEmbedding } from '../i18n/locales/en/embedding';
import { exporting as enExporting } from '../i18n/locales/en/exporting';
import { predicting as enPredicting } from '../i18n/locales/en/predicting';
import { answers as zhAnswers } from '../i18n/locales/zh-CN/answers';
import { capturing as zhCapturing } from '../i18n/locales/zh-CN/capturing';
import { embedding as zhEmbedding } from '../i18n/locales/zh-CN/embedding';
import { exporting as zhExporting } from '../i18n/locales/zh-CN/exporting';
import { predicting as zhPredicting } from '../i18n/locales/zh-CN/predicting';

const FEATURE_WORDS: [LazyNamespace, unknown, unknown][] = [
  ['answers', enAnswers, zhAnswers],
  ['capturing', enCapturing, zhCapturing],
  ['embedding', enEmbedding, zhEmbedding],
  ['exporting', enExporting, zhExporting],
  ['predicting', enPredicting, zhPredicting],
];

/** Makes every feature's words loadable, as the page's composition root does. */
export function registerFeatureWords(): void {
  for (const [ns, en, zh] of FEATURE_WORDS) {
    registerNamespace(ns, { en: () => Promise.resolve(en), 'zh-CN': () => Promise.resolve(zh) });
  }
}

/**
 * A translator over `dict` that refuses a missing key and a placeholder without a value, so a
 * test sees every gap an explanation's words could leave.
 */
export function strictTranslator(dict: unknown) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict);
    if (typeof text !== 'string') throw new Error(`missing key ${key}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`${key}: no value for {${name}}`);
      return String(params[name]);
    });
  };
}
