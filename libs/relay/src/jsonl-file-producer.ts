import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { RelayMessage } from './integration-events';
import { RelayProducer } from './relay-ports';

/**
 * The relay's sink when there is no Kafka (BUS=inprocess): the integration messages appended to a
 * file, one JSON line each, flushed to disk before a send resolves — the embedded stand-in for a
 * topic, which a consumer tails. Delivery is at least once, as on Kafka: after a crash the batch
 * whose checkpoint was not saved is appended again, and consumers apply by `position`. A line left
 * half written by a killed process is cut off before the next send, as a broker keeps only whole
 * messages.
 */
export class JsonlFileProducer implements RelayProducer {
  private repaired = false;

  constructor(readonly file: string) {}

  async send(messages: readonly RelayMessage[]): Promise<void> {
    if (!this.repaired) {
      dropTornTail(this.file);
      this.repaired = true;
    }
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, messages.map((m) => JSON.stringify(m) + '\n').join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {
    // Nothing buffered: every send was flushed before it resolved.
  }
}

/** Cuts a file after its last newline: what follows is a message whose write never completed. */
export function dropTornTail(file: string): void {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end < bytes.length) truncateSync(file, end);
}
