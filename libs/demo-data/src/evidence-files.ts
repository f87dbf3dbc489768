import { createHash } from 'node:crypto';
import { blobRef, BlobStore, InMemoryBlobStore, samplePdf, samplePng } from '@platform/blobs';
import { DemoAction } from './operations';

/**
 * 台账资料 in the demo city: about one attachment in three that the scenario names (会议记录,
 * 照片, 整改报告 on steps, progress notes and fix claims) becomes a real uploaded file — a tiny
 * PDF, or a PNG for photos — made from the reference itself, so the city stays the same for a
 * seed and no random draw is added. The rest stay labels of paper records. The engine holds the
 * files and generateCity writes them into DATA_DIR's blob store beside the events.
 */
export class DemoEvidence {
  readonly files = new InMemoryBlobStore();
  private count = 0;

  /** How many references became files. */
  get attached(): number {
    return this.count;
  }

  /** The action as sent, its chosen references swapped for uploaded files' hashes. */
  async attach(a: DemoAction): Promise<DemoAction> {
    const op = a.op;
    switch (op.type) {
      case 'RecordStep':
        return op.body.attachmentRef ? { ...a, op: { ...op, body: { ...op.body, attachmentRef: await this.fileFor(op.body.attachmentRef) } } } : a;
      case 'RecordProgress':
      case 'ClaimFixed':
      case 'RecordPartProgress': {
        const refs = op.body.attachmentRefs;
        if (!refs?.length) return a;
        const swapped = await Promise.all(refs.map((r) => this.fileFor(r)));
        return { ...a, op: { ...op, body: { ...op.body, attachmentRefs: swapped } } } as DemoAction;
      }
      default:
        return a;
    }
  }

  /** Copies every file into a store (the data directory's). */
  async writeTo(store: BlobStore): Promise<void> {
    for (const f of this.files.entries()) await store.put(f.bytes, f.info.mediaType);
  }

  private async fileFor(ref: string): Promise<string> {
    const digest = createHash('sha256').update(ref).digest();
    if (digest[0] % 3 !== 0) return ref;
    const photo = /\.(jpg|jpeg|png)$/i.test(ref);
    const bytes = photo ? samplePng([digest[1], digest[2], digest[3]]) : samplePdf(`Evidence ${ref}`);
    const info = await this.files.put(bytes, photo ? 'image/png' : 'application/pdf');
    this.count++;
    return blobRef(info.sha256);
  }
}
