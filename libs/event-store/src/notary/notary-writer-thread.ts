import { RequestThread } from '../request-thread';
import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';

export type NotaryWrite = { kind: 'append'; links: readonly NotaryLink[] } | { kind: 'checkpoint'; checkpoint: Checkpoint };

/**
 * The notary's writes (its links and its signed checkpoints) on a thread of their own, with their
 * own connection to the file: each is a transaction with an fsync (synchronous=FULL), which on the
 * thread that answers requests held every request in flight for as long as the disk took — tens
 * to a couple of hundred milliseconds every round under write load. A write is answered once its
 * commit returned, as before; a thread that failed is started again on the next write, the write
 * it held refused (the notary's next round reads the chain's last link and goes on from there).
 */
export class NotaryWriterThread {
  private readonly thread: RequestThread<NotaryWrite, boolean>;

  constructor(file: string) {
    this.thread = new RequestThread(__filename, 'notary-writer.thread', { file }, (message) => {
      const m = message as { appended?: boolean; error?: string };
      if (m.error !== undefined) throw new Error(m.error);
      return m.appended!;
    });
  }

  write(write: NotaryWrite): Promise<boolean> {
    return this.thread.ask(write);
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
