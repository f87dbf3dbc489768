import { validateSync } from 'class-validator';
import { NoControlCharacters } from './no-control-characters';

class Sample {
  @NoControlCharacters()
  name?: unknown;

  @NoControlCharacters({ multiline: true })
  note?: unknown;

  @NoControlCharacters({ each: true })
  items?: unknown;
}

const refused = (values: Partial<Sample>) =>
  validateSync(Object.assign(new Sample(), values)).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join()}`);

describe('NoControlCharacters', () => {
  it('passes ordinary text, Chinese included, and leaves non-strings to the type rules', () => {
    expect(refused({ name: '河洑镇 一村党支部 (No.1)', note: '第一行\n第二行\r\n\t缩进', items: ['甲', 'b'] })).toEqual([]);
    expect(refused({ name: 42, note: null })).toEqual([]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['escape', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['C1 control', '\u0085'],
    ['right-to-left override', '\u202e'],
    ['left-to-right embedding', '\u202a'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['vertical tab', '\u000b'],
    ['lone carriage return', 'a\rb'],
  ])('refuses %s in names, free text and lists', (_, c) => {
    expect(refused({ name: `张${c}三`, note: `说明${c}`, items: ['ok', `x${c}`] })).toEqual([
      'name:noControlCharacters',
      'note:noControlCharacters',
      'items:noControlCharacters',
    ]);
  });

  it('refuses line breaks and tabs in a single-line name only', () => {
    expect(refused({ name: '张\n三', note: '张\n三' })).toEqual(['name:noControlCharacters']);
    expect(refused({ name: '张\t三' })).toEqual(['name:noControlCharacters']);
  });
});
