import { createHash } from 'node:crypto';
import { derivedId, fingerprint } from './command-writes';

// Fingerprints and derived event ids are stored with events: the same input must give what earlier
// versions stored, whichever hashing call computes it.
describe('command fingerprints and derived ids', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('fingerprints the request body by its stable JSON, keys sorted, Chinese text as UTF-8', () => {
    const body = { note: '已完成整改', problemId: 'p-1', files: [{ b: 2, a: 1 }] };
    expect(fingerprint(body)).toBe(sha256('{"files":[{"a":1,"b":2}],"note":"已完成整改","problemId":"p-1"}'));
    expect(fingerprint({ problemId: 'p-1', files: [{ a: 1, b: 2 }], note: '已完成整改' })).toBe(fingerprint(body));
    expect(fingerprint(undefined)).toBe(sha256('null'));
  });

  it('derives the same UUID-shaped id from the same seed and index', () => {
    const h = sha256('命令-7#2');
    expect(derivedId('命令-7', 2)).toBe(`${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`);
    expect(derivedId('命令-7', 3)).not.toBe(derivedId('命令-7', 2));
  });
});
