import type { INestApplication } from '@nestjs/common';
import { get, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'supertest';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/**
 * A response parser for tests that call every route (the access matrix, the OpenAPI conformance):
 * an answer of type text/event-stream never ends, so it is read up to its first chunk and hung up
 * on; any other answer is read whole (JSON parsed). Pass it to supertest's `.parse()`.
 */
function readUntilFirstEvent(res: IncomingMessage, done: (error: Error | null, body: unknown) => void): void {
  const type = String(res.headers['content-type'] ?? '');
  const stream = type.startsWith('text/event-stream');
  const chunks: Buffer[] = [];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    if (type.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    done(null, body);
  };
  res.on('data', (chunk: Buffer | string) => {
    chunks.push(Buffer.from(chunk));
    if (stream) {
      res.destroy();
      finish();
    }
  });
  res.on('end', finish);
  res.on('close', finish);
  res.on('error', finish);
}

// supertest types the parser's response as its own; at run time it is Node's IncomingMessage.
export const untilFirstEvent = readUntilFirstEvent as unknown as Parameters<Test['parse']>[0];

/** A live connection to an SSE route, collecting every event it receives. */
export async function openEventStream(app: INestApplication, path: string, headers: Record<string, string>) {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  const events: ServerSentEvent[] = [];
  let buffer = '';
  const res = await new Promise<IncomingMessage>((resolve, reject) => get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject));
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart()).join('\n');
      events.push({ event: field('event') || 'message', data: JSON.parse(field('data') || 'null') });
    }
  });
  return {
    status: res.statusCode,
    contentType: String(res.headers['content-type'] ?? ''),
    events,
    close: () => res.destroy(),
  };
}
