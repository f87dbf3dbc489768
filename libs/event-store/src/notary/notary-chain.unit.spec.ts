import { createHash } from 'node:crypto';
import { chainLinks, linkHash, linkProblem, NOTARY_GENESIS, tipOf } from './notary-chain';

// Links are stored: the hash of the same link must stay what earlier versions stored.
describe('notary chain links', () => {
  const fields = { position: 12, streamId: '问题-p1', revision: 3, eventId: 'e-12', eventHash: 'ab'.repeat(32) };

  it('hashes a link as SHA-256 of its JSON array, tagged and chained onto the previous hash', () => {
    const expected = createHash('sha256')
      .update(JSON.stringify(['notary', NOTARY_GENESIS.hash, 1, 12, '问题-p1', 3, 'e-12', 'ab'.repeat(32)]))
      .digest('hex');
    expect(linkHash(NOTARY_GENESIS.hash, 1, fields)).toBe(expected);
  });

  it('chains links so that each follows the one before, and finds a changed one', () => {
    const links = chainLinks(NOTARY_GENESIS, [fields, { ...fields, position: 13, revision: 4, eventId: 'e-13' }]);
    expect(linkProblem(NOTARY_GENESIS, links[0])).toBeNull();
    expect(linkProblem(tipOf(links[0]), links[1])).toBeNull();
    expect(linkProblem(tipOf(links[0]), { ...links[1], streamId: '问题-p2' })).toContain('does not match its hash');
  });
});
