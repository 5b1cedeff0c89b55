// Every locale says everything English says: each English string leaf (answer paragraphs included)
// has a non-empty string at the same path in the other locale, with the same {placeholders}, and
// the other locale has nothing English lacks. Covers all namespaces (ui, answers, explain,
// inspector, stateMachine, lessons).
import { describe, expect, it } from 'vitest';
import { placeholders } from './core';
import { en } from './locales/en/index';
import { zhCN } from './locales/zh-CN/index';

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [{ path, value: node }];
}

const sorted = (xs: string[]) => [...xs].sort();

describe.each([['zh-CN', zhCN]])('locale %s', (_name, dict) => {
  const english = leaves(en);
  const other = new Map(leaves(dict).map((l) => [l.path, l.value]));

  it('English itself is all non-empty strings', () => {
    for (const { path, value } of english) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
    }
  });

  it('has a non-empty string for every English text, with the same placeholders', () => {
    const problems: string[] = [];
    for (const { path, value } of english) {
      const mine = other.get(path);
      if (typeof mine !== 'string' || mine.trim() === '') {
        problems.push(`${path}: missing or empty`);
        continue;
      }
      const want = sorted(placeholders(value as string));
      const got = sorted(placeholders(mine));
      if (want.join() !== got.join()) {
        problems.push(
          `${path}: placeholders {${got.join('},{')}} instead of {${want.join('},{')}}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no text English lacks', () => {
    const known = new Set(english.map((l) => l.path));
    expect([...other.keys()].filter((p) => !known.has(p))).toEqual([]);
  });

  it('translates the answers and the page, not copies them', () => {
    const same = english
      .filter(({ path }) => /^(ui|answers|inspector|stateMachine)\./.test(path))
      .filter(
        ({ path, value }) => other.get(path) === value && /[a-z]{4,} [a-z]{4,}/.test(String(value)),
      );
    expect(same.map((l) => l.path)).toEqual([]);
  });
});
