import { generateKeyPairSync } from 'node:crypto';
import { Checkpoint, checkpointMessage, CheckpointFormatError, formatCheckpoint, NOTARY_CHECKPOINT_PREFIX, parseCheckpoint } from './checkpoint';
import { signingKeyFrom } from './signing-key';

describe('the printed checkpoint', () => {
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'test');
  const unsigned = { position: 1234, hash: 'ab'.repeat(32), issuedAt: '2026-12-02T04:20:07Z', keyId: key.keyId };
  const signed: Checkpoint = { ...unsigned, signature: key.sign(checkpointMessage(unsigned)) };

  it('is one token that reads back to the same signed fields', () => {
    const text = formatCheckpoint(signed);
    expect(text).toMatch(/^ACP1\.1234\.(ab){32}\.20261202T042007Z\.[0-9a-f]{16}\.[A-Za-z0-9_-]{86}$/);
    expect(parseCheckpoint(`\n ${text.slice(0, 90)}\n${text.slice(90)} `)).toEqual(signed);
    expect(key.verify(checkpointMessage(parseCheckpoint(text)), signed.signature)).toBe(true);
  });

  it('does not verify once any signed field is changed', () => {
    for (const changed of [{ position: 1233 }, { hash: 'cd'.repeat(32) }, { issuedAt: '2026-12-02T04:20:08Z' }]) {
      expect(key.verify(checkpointMessage({ ...signed, ...changed }), signed.signature)).toBe(false);
    }
  });

  it.each([
    ['', 'six dot-separated parts'],
    [formatCheckpoint(signed).replace('ACP1', 'ACP2'), 'six dot-separated parts'],
    [formatCheckpoint(signed).replace('.1234.', '.-1.'), 'position'],
    [formatCheckpoint(signed).replace('ab'.repeat(32), 'AB'.repeat(32)), 'hash'],
    [formatCheckpoint(signed).replace('20261202T042007Z', '20261302T042007Z'), 'time'],
    [formatCheckpoint(signed).slice(0, -2), 'signature'],
  ])('refuses a malformed text and names the part (%#)', (text, part) => {
    expect(() => parseCheckpoint(text)).toThrow(CheckpointFormatError);
    expect(() => parseCheckpoint(text)).toThrow(part);
  });
});

describe("the notary's checkpoints", () => {
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'test');
  const unsigned = { position: 77, hash: 'cd'.repeat(32), issuedAt: '2026-12-02T04:20:07Z', keyId: key.keyId };

  it('share the form and the key under their own prefix, so one never passes for the other', () => {
    const notary: Checkpoint = { ...unsigned, signature: key.sign(checkpointMessage(unsigned, NOTARY_CHECKPOINT_PREFIX)) };
    const text = formatCheckpoint(notary, NOTARY_CHECKPOINT_PREFIX);
    expect(text).toMatch(/^ANP1\.77\./);
    expect(parseCheckpoint(text, NOTARY_CHECKPOINT_PREFIX)).toEqual(notary);
    expect(() => parseCheckpoint(text)).toThrow(CheckpointFormatError);
    expect(key.verify(checkpointMessage(notary), notary.signature)).toBe(false);
    expect(key.verify(checkpointMessage(notary, NOTARY_CHECKPOINT_PREFIX), notary.signature)).toBe(true);
  });
});
