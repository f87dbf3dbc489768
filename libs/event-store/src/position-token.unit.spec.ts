import fc from 'fast-check';
import { KURRENTDB_POSITION_TOKENS } from './kurrentdb/kurrentdb-position-tokens';
import { DECIMAL_POSITION_TOKENS, PositionCodec } from './position-token';

const CODECS: ReadonlyArray<[string, PositionCodec]> = [
  ['embedded', DECIMAL_POSITION_TOKENS],
  ['KurrentDB', KURRENTDB_POSITION_TOKENS],
];

/** Positions over the whole exact range, with small ones (a young store) and powers of ten (where a digit is added) made likely. */
const position = fc.oneof(
  fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  fc.nat({ max: 100_000 }),
  fc.integer({ min: 0, max: 15 }).chain((e) => fc.constantFrom(10 ** e - 1, 10 ** e, 10 ** e + 1)),
  fc.constant(Number.MAX_SAFE_INTEGER),
);

/** Plain code-unit order, what a client's `<` or a binary sort gives. */
const stringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(CODECS)('%s position tokens', (_, codec) => {
  it('sort as their positions: string order == numeric order == compare order', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const [ta, tb] = [codec.token(a), codec.token(b)];
        const numeric = Math.sign(a - b);
        expect(stringOrder(ta, tb)).toBe(numeric);
        expect(codec.compare(ta, tb)).toBe(numeric);
      }),
      { numRuns: 2000 },
    );
  });

  it('all have one width, and name their position again exactly, up to 2^53', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(codec.token(p)).toHaveLength(codec.token(0).length);
        expect(codec.position(codec.token(p))).toBe(p);
      }),
    );
  });

  it('issue no token for what is not an exact position', () => {
    for (const bad of [-1, 1.5, 2 ** 53, Number.NaN]) expect(() => codec.token(bad)).toThrow(RangeError);
  });

  it('refuse to compare what is not a token of the store', () => {
    expect(() => codec.compare(codec.token(1), 'abc')).toThrow(RangeError);
  });
});

describe('embedded-store position tokens', () => {
  it('are the positions’ digits zero-padded to 16', () => {
    expect(DECIMAL_POSITION_TOKENS.token(12345)).toBe('0000000000012345');
    expect(DECIMAL_POSITION_TOKENS.token(0)).toBe('0000000000000000');
    expect(DECIMAL_POSITION_TOKENS.token(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  });

  it('still read the bare digits every bookmark and notice written before carries, and order them with the new form', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(DECIMAL_POSITION_TOKENS.position(String(a))).toBe(a);
        expect(DECIMAL_POSITION_TOKENS.compare(String(a), DECIMAL_POSITION_TOKENS.token(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('refuse anything else: signs, leading zeros short of 16 digits, another store’s form, beyond 2^53', () => {
    for (const bad of ['', '-1', '1.5', '1e3', '0x10', ' 7', '07', '000000000012345', '00000000000123456', 'C:7/P:7', 'C:0000000000000007', '2026-11-01', '9007199254740992', '9007199254740993', '12345678901234567']) {
      expect(DECIMAL_POSITION_TOKENS.position(bad)).toBeNull();
    }
  });
});

describe('KurrentDB position tokens', () => {
  it('are C: and the commit position zero-padded to 16', () => {
    expect(KURRENTDB_POSITION_TOKENS.token(4096)).toBe('C:0000000000004096');
  });

  it('still read KurrentDB’s own spelling, C:<commit>/P:<prepare>, the form issued before, and order it with the new form', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(KURRENTDB_POSITION_TOKENS.position(`C:${a}/P:${a}`)).toBe(a);
        expect(KURRENTDB_POSITION_TOKENS.compare(`C:${a}/P:${a}`, KURRENTDB_POSITION_TOKENS.token(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('refuse what is not a position the platform wrote: bare digits, other prepare positions, beyond 2^53', () => {
    for (const bad of ['4096', '0000000000004096', 'C:4096', 'C:4096/P:4095', 'c:0000000000004096', 'C:0000000000004096/P:0000000000004096', 'C:9007199254740993/P:9007199254740993', 'C:9007199254740992', 'C:-1/P:-1', '2026-11-01']) {
      expect(KURRENTDB_POSITION_TOKENS.position(bad)).toBeNull();
    }
  });
});
