import { jsonDepth, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth';

const depthOf = (text: string) => jsonDepth(Buffer.from(text));

describe('JSON nesting depth', () => {
  it('counts brackets outside strings only', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('{"units":[{"unitId":"a"}]}')).toBe(3);
    expect(depthOf('{"note":"[[[{{{\\"[[["}')).toBe(1);
    expect(depthOf('[[],[[]],{}]')).toBe(3);
  });

  it('refuses a body deeper than the limit, with status 400 and a rule naming the limit', () => {
    const deep = Buffer.from('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    const ok = Buffer.from('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
    expect(() => refuseDeepJson(null, null, ok)).not.toThrow();
    expect(() => refuseDeepJson(null, null, deep)).toThrow(expect.objectContaining({ status: 400, type: 'entity.too.deep' }));
    expect(() => refuseDeepJson(null, null, deep)).toThrow(String(MAX_JSON_DEPTH));
  });
});
