import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { RelayMessage } from '../integration-events';
import { RelayProducer } from '../relay-ports';

/** A producer whose log survives the process: one JSON line per message, flushed to disk before a send resolves. */
export class JsonlProducer implements RelayProducer {
  constructor(private readonly file: string, private readonly delayMs = 0) {}

  async send(messages: readonly RelayMessage[]): Promise<void> {
    // A broker's round trip, so that a kill lands in the middle of the stream rather than after it.
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const fd = openSync(this.file, 'a');
    try {
      appendFileSync(fd, messages.map((m) => JSON.stringify(m) + '\n').join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {}
}
