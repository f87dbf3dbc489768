import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredObject {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/**
 * The three object calls of the S3 HTTP API the blob adapter makes (PUT, HEAD and GET of
 * `/<bucket>/<key>`, path style), over a map, so the adapter runs through the real SDK — signing,
 * checksums, error parsing — where no S3-compatible server is at hand. Not S3: it checks neither
 * signatures nor buckets, but it refuses an upload whose x-amz-checksum-sha256 does not match its
 * bytes, as S3 does.
 */
export class FakeS3Server {
  readonly objects = new Map<string, StoredObject>();
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const object = this.objects.get(path);
    if (req.method === 'PUT') {
      const bytes = Buffer.concat(chunks);
      const claimed = req.headers['x-amz-checksum-sha256'];
      if (claimed !== undefined && claimed !== createHash('sha256').update(bytes).digest('base64')) return error(res, 400, 'BadDigest');
      this.objects.set(path, { bytes, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
      res.writeHead(200, { ETag: `"${createHash('md5').update(bytes).digest('hex')}"` }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(res, 405, 'MethodNotAllowed');
    if (!object) return req.method === 'HEAD' ? void res.writeHead(404).end() : error(res, 404, 'NoSuchKey');
    res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.bytes.length });
    res.end(req.method === 'GET' ? object.bytes : undefined);
  }
}

function error(res: ServerResponse, status: number, code: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) }).end(body);
}
