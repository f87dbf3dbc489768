import { checkedText } from './checked-text';
import { DomainRuleError } from './domain-error';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (e) {
    return (e as DomainRuleError).code;
  }
};

describe('checked user text', () => {
  it('trims, and keeps line breaks only in multi-line text', () => {
    expect(checkedText('  支部达标 ', 'title', '名称')).toBe('支部达标');
    expect(checkedText('第一行\r\n第二行', 'note', '说明', { multiline: true })).toBe('第一行\r\n第二行');
    expect(codeOf(() => checkedText('第一行\n第二行', 'title', '名称'))).toBe('title_invalid');
  });

  it.each([
    ['title_required', () => checkedText('  ', 'title', '名称', { required: true })],
    ['title_too_long', () => checkedText('字'.repeat(201), 'title', '名称')],
    ['note_too_long', () => checkedText('字'.repeat(2001), 'note', '说明', { multiline: true })],
    ['name_too_long', () => checkedText('字'.repeat(51), 'name', '姓名', { max: 50 })],
    ['title_invalid', () => checkedText('a\u202eb', 'title', '名称')],
  ])('refuses with %s', (code, run) => expect(codeOf(run)).toBe(code));

  it('accepts missing optional text as empty', () => expect(checkedText(undefined, 'note', '说明')).toBe(''));
});
