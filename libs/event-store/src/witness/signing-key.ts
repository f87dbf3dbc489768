import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The audit signing key: Ed25519, kept outside the event store so rewriting the store cannot re-sign. */
export interface SigningKey {
  readonly keyId: string;
  readonly publicKeyPem: string;
  /** Where the key came from: the environment or the key file's path. */
  readonly source: string;
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

export class SigningKeyError extends Error {}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signingKeyFrom(privateKey: KeyObject, source: string): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${source}: the audit signing key must be Ed25519, got ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    source,
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64url'),
    verify: (message, signature) => {
      const bytes = Buffer.from(signature, 'base64url');
      return bytes.length === 64 && verify(null, Buffer.from(message), publicKey, bytes);
    },
  };
}

/** AUDIT_SIGNING_KEY holds a PKCS#8 PEM (newlines may be written as \n) or its DER in base64. */
function parseEnvKey(raw: string): KeyObject {
  const text = raw.trim().replace(/\\n/g, '\n');
  try {
    return text.startsWith('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new SigningKeyError(`AUDIT_SIGNING_KEY is not a PKCS#8 private key (PEM or base64 DER): ${(error as Error).message}`);
  }
}

/**
 * The key from AUDIT_SIGNING_KEY, else from DATA_DIR's key file, generated with mode 0600 on first
 * start. A key file others can read is refused, as ssh refuses a private key anyone can read.
 */
export function loadSigningKey(dataDir: string, fromEnv: string | null): SigningKey {
  if (fromEnv) return signingKeyFrom(parseEnvKey(fromEnv), 'AUDIT_SIGNING_KEY');
  const file = join(dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new SigningKeyError(`${file}: the audit signing key must not be readable by group or others (chmod 600 ${file})`);
  }
  try {
    return signingKeyFrom(createPrivateKey(readFileSync(file, 'utf8')), file);
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(`${file}: not a PKCS#8 private key: ${(error as Error).message}`);
  }
}
