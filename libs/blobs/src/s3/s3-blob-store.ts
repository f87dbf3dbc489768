import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobInfo, BlobStore, isSha256 } from '../blob-store.port';

export interface S3BlobStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** A MinIO or other S3-compatible server; absent: the provider's endpoint for the region. */
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  /** Absent (always, outside tests): the SDK's default credential chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Objects are named `evidence/<sha256>`: no listing is ever needed, so no fan-out either. */
const keyOf = (sha256: string) => `evidence/${sha256}`;

/**
 * Evidence files in an S3-compatible bucket, shared by every API replica. The object's
 * Content-Type holds the media type; each upload carries its SHA-256, which the server checks
 * against the bytes it receives, so an object stored under a hash is that hash's content.
 * Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a
 * profile, an instance role), never from the platform's own settings.
 */
export class S3BlobStore implements BlobStore {
  constructor(private readonly client: S3Client, private readonly bucket: string) {}

  static open(options: S3BlobStoreOptions): S3BlobStore {
    const client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // The SHA-256 is sent on purpose; the SDK's own CRC checksums are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3BlobStore(client, options.bucket);
  }

  async put(bytes: Buffer, mediaType: string): Promise<BlobInfo> {
    const digest = createHash('sha256').update(bytes).digest();
    const sha256 = digest.toString('hex');
    const existing = await this.head(sha256);
    if (existing) return existing;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: keyOf(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: mediaType,
        ChecksumSHA256: digest.toString('base64'),
      }),
    );
    return { sha256, size: bytes.length, mediaType };
  }

  async head(sha256: string): Promise<BlobInfo | null> {
    if (!isSha256(sha256)) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: keyOf(sha256) }));
      return { sha256, size: head.ContentLength ?? 0, mediaType: head.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    const body = await this.body(sha256);
    return body ? Buffer.from(await body.transformToByteArray()) : null;
  }

  async stream(sha256: string): Promise<Readable | null> {
    const body = await this.body(sha256);
    // In Node the SDK's body is a Readable already (an incoming HTTP response).
    return body ? (body as unknown as Readable) : null;
  }

  private async body(sha256: string) {
    if (!isSha256(sha256)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: keyOf(sha256) }));
      return object.Body ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}

/** HEAD answers a bare 404 (NotFound), GET an XML error (NoSuchKey). */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
