import { JsonlFileProducer } from '../jsonl-file-producer';
import { RelayMessage } from '../integration-events';

/** The file sink with a broker's round trip before each send, so that a kill lands in the middle of the stream rather than after it. */
export class JsonlProducer extends JsonlFileProducer {
  constructor(file: string, private readonly delayMs = 0) {
    super(file);
  }

  override async send(messages: readonly RelayMessage[]): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await super.send(messages);
  }
}
