import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from './messages';

describe('messages', () => {
  it('has a Chinese and an English text for every key', () => {
    for (const [key, [zh, en]] of Object.entries(MESSAGES)) {
      expect(zh.length, key).toBeGreaterThan(0);
      expect(en.length, key).toBeGreaterThan(0);
    }
  });

  it('fills placeholders in either language', () => {
    expect(translate('zh', 'checkedRange', { n: 120 })).toBe('已校验 1–120 号事件');
    expect(translate('en', 'total', { n: 3 })).toBe('3 in all');
  });
});
