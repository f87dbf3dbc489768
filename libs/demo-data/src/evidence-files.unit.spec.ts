import { createHash } from 'node:crypto';
import { sniffEvidenceType } from '@platform/blobs';
import { DemoEvidence } from './evidence-files';
import { DemoAction } from './operations';

const step = (attachmentRef: string): DemoAction => ({
  at: 0,
  seq: 1,
  by: 'op-1',
  op: { type: 'RecordStep', campaignId: 'c1', unitId: 'b1', body: { phaseKey: 'study', stepKey: 'x', evidence: 'e', attachmentRef } },
});
const progress = (attachmentRefs: string[]): DemoAction => ({ at: 0, seq: 2, by: 'op-1', op: { type: 'RecordProgress', problemId: 'p1', body: { note: 'n', attachmentRefs } } });
const refs = Array.from({ length: 60 }, (_, i) => `files/2026-0${1 + (i % 9)}/${i.toString(16).padStart(8, '0')}.${['jpg', 'pdf', 'docx'][i % 3]}`);

describe('the demo city\'s evidence files', () => {
  it('turns about a third of the references into stored files, the same ones with the same bytes every time', async () => {
    const a = new DemoEvidence();
    const b = new DemoEvidence();
    const first = await Promise.all(refs.map(async (r) => ((await a.attach(step(r))).op as { body: { attachmentRef: string } }).body.attachmentRef));
    const second = await Promise.all(refs.map(async (r) => ((await b.attach(step(r))).op as { body: { attachmentRef: string } }).body.attachmentRef));
    expect(second).toEqual(first);
    const files = first.filter((r) => r.startsWith('sha256:'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.length).toBeLessThan(35);
    // The others are left as the scenario wrote them: labels of paper records.
    expect(first.filter((r) => !r.startsWith('sha256:')).every((r) => refs.includes(r))).toBe(true);
  });

  it('stores a PNG for a photo and a PDF otherwise, under the hash the event names', async () => {
    const evidence = new DemoEvidence();
    const swapped = await evidence.attach(progress(refs));
    const named = (swapped.op as { body: { attachmentRefs: string[] } }).body.attachmentRefs.filter((r) => r.startsWith('sha256:'));
    expect(named.length).toBe(evidence.attached);
    for (const f of evidence.files.entries()) {
      expect(named).toContain(`sha256:${createHash('sha256').update(f.bytes).digest('hex')}`);
      expect(sniffEvidenceType(f.bytes)?.mediaType).toBe(f.info.mediaType);
    }
    expect(new Set(evidence.files.entries().map((f) => f.info.mediaType))).toEqual(new Set(['image/png', 'application/pdf']));
  });
});
