import { KeptDocuments } from './kept-documents';

describe('KeptDocuments', () => {
  it('tells a kept document, a known absence and an unknown one apart', () => {
    const kept = new KeptDocuments(1024);
    kept.set('problems', 'p1', '{"a":1}');
    kept.set('problems', 'p2', null);
    expect(kept.get('problems', 'p1')).toBe('{"a":1}');
    expect(kept.get('problems', 'p2')).toBeNull();
    expect(kept.get('problems', 'p3')).toBeUndefined();
    expect(kept.get('units', 'p1')).toBeUndefined();
  });

  it('keeps within its bytes, dropping the least recently used first', () => {
    // Each entry: key "c\0id" (4 characters) and a body of 16: 20 counted, so three fit in 64.
    const kept = new KeptDocuments(64);
    const body = (n: number) => String(n).repeat(16);
    kept.set('c', 'd1', body(1));
    kept.set('c', 'd2', body(2));
    kept.set('c', 'd3', body(3));
    expect(kept.get('c', 'd1')).toBe(body(1));
    kept.set('c', 'd4', body(4));
    expect(kept.size).toBe(3);
    expect(kept.get('c', 'd2')).toBeUndefined();
    expect([1, 3, 4].map((n) => kept.get('c', `d${n}`))).toEqual([body(1), body(3), body(4)]);
  });

  it('does not keep a document larger than the bound, and forgets what it held under that key', () => {
    const kept = new KeptDocuments(32);
    kept.set('c', 'big', 'x');
    kept.set('c', 'big', 'y'.repeat(40));
    expect(kept.get('c', 'big')).toBeUndefined();
    kept.set('c', 'small', 'z');
    kept.clear();
    expect(kept.size).toBe(0);
  });

  it('keeps nothing with a bound of 0', () => {
    const kept = new KeptDocuments(0);
    kept.set('c', 'd', '{}');
    expect(kept.get('c', 'd')).toBeUndefined();
    expect(kept.size).toBe(0);
  });
});
