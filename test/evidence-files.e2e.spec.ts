import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { samplePdf, samplePng } from '@platform/blobs';
import { problemRegistration, townshipCampaign } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, body: unknown) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

describe('evidence files (台账资料): upload, reference by hash, scoped download', () => {
  let p: TestPlatform;
  let office: Headers;
  let operatorB1: Headers;
  let operatorB2: Headers;
  const minutes = samplePdf('Mobilization meeting minutes');
  const photo = samplePng([180, 20, 20]);

  const upload = (who: Headers, bytes: Buffer, name: string, contentType = 'application/octet-stream') =>
    p.http().post('/api/files').set(who).attach('file', bytes, { filename: name, contentType });
  const download = (path: string, who: Headers = {}) => p.http().get(path).set(who).buffer(true).parse(binary as unknown as Parameters<ReturnType<ReturnType<TestPlatform['http']>['get']>['parse']>[0]);

  beforeAll(async () => {
    p = await startTestPlatform();
    office = await townshipCampaign(p);
    operatorB1 = await p.signIn('op-b1', 'operator', ['b1']);
    operatorB2 = await p.signIn('op-b2', 'operator', ['b2']);
    await p.http().post('/api/problems').set(office).send(problemRegistration('p1', 'c1', 'b1')).expect(201);
    await p.http().post('/api/problems/p1/plan').set(office).send({ measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2099-06-30' }).expect(201);
  });
  afterAll(async () => p.close());

  it('stores an upload under its SHA-256, typed from its bytes, once per content', async () => {
    const res = await upload(operatorB1, minutes, 'minutes.bin').expect(201);
    expect(res.body).toEqual({ sha256: sha(minutes), size: minutes.length, mediaType: 'application/pdf', ref: `sha256:${sha(minutes)}` });
    expect(existsSync(join(p.dataDir, 'blobs', sha(minutes).slice(0, 2), sha(minutes)))).toBe(true);
    const again = await upload(office, minutes, 'copy.pdf').expect(201);
    expect(again.body.sha256).toBe(res.body.sha256);
  });

  it('judges the type by the bytes, not the name or the claimed type: 400 naming the field', async () => {
    const res = await upload(operatorB1, Buffer.from('#!/bin/sh\necho not a pdf\n'), 'report.pdf', 'application/pdf').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'fileType' })]);
    const none = await p.http().post('/api/files').set(operatorB1).send({ file: 'x' }).expect(400);
    expect(none.body.errors[0].field).toBe('file');
  });

  it('refuses a file over 20 MiB with 413 naming the field', async () => {
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(20 * 1024 * 1024)]);
    const res = await upload(operatorB1, big, 'big.pdf').expect(413);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'maxSize' })]);
    expect(existsSync(join(p.dataDir, 'blobs', sha(big).slice(0, 2)))).toBe(false);
  });

  it('refuses a reference to a hash nobody uploaded with 400 naming the field, and writes nothing', async () => {
    const before = await p.headPosition();
    const unknown = `sha256:${sha(Buffer.from('never uploaded'))}`;
    const res = await p.http().post('/api/problems/p1/progress').set(operatorB1).send({ note: '召开专题会', attachmentRefs: [`sha256:${sha(minutes)}`, unknown] }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'attachmentRefs.1', rule: 'storedFile' })]);
    const step = await p.http().post('/api/campaigns/c1/units/b1/steps').set(operatorB1).send({ phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: '动员会', attachmentRef: 'sha256:ABC' }).expect(400);
    expect(step.body.errors).toEqual([expect.objectContaining({ field: 'attachmentRef', rule: 'fileRef' })]);
    expect(await p.headPosition()).toBe(before);
  });

  it('records the hash in the event, so the chain covers the content', async () => {
    await p.http().post('/api/campaigns/c1/units/b1/steps').set(operatorB1).send({ phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: '召开动员大会', attachmentRef: `sha256:${sha(minutes)}` }).expect(201);
    const events = await p.http().get('/api/streams/progress-c1.b1/events').set(office).expect(200);
    const recorded = (events.body.events as { type: string; data: { attachmentRef: string } }[]).find((e) => e.type === 'StepRecorded');
    expect(recorded?.data.attachmentRef).toBe(`sha256:${sha(minutes)}`);
  });

  it('serves a step\'s file to whoever sees the unit (200), 404 outside the scope or for a file the record does not attach', async () => {
    const path = `/api/campaigns/c1/units/b1/files/${sha(minutes)}`;
    const res = await download(path, operatorB1).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(sha(res.body as Buffer)).toBe(sha(minutes));
    await download(path, office).expect(200);
    await download(path, operatorB2).expect(404);
    await download(`/api/campaigns/c1/units/b2/files/${sha(minutes)}`, operatorB2).expect(404);
    await download(path, {}).expect(401);
  });

  it('serves a problem\'s file inside its scope only, and publicly only once its plan is published', async () => {
    const ref = (await upload(operatorB1, photo, 'photo.jpg').expect(201)).body.ref as string;
    expect(ref).toBe(`sha256:${sha(photo)}`);
    await p.http().post('/api/problems/p1/progress').set(operatorB1).send({ note: '服务窗口公示首问负责制', attachmentRefs: [ref] }).expect(201);
    const inside = await download(`/api/problems/p1/files/${sha(photo)}`, operatorB1).expect(200);
    expect(inside.headers['content-type']).toBe('image/png');
    expect(sha(inside.body as Buffer)).toBe(sha(photo));
    await download(`/api/problems/p1/files/${sha(photo)}`, operatorB2).expect(404);
    await download(`/api/problems/p1/files/${sha(minutes)}`, operatorB1).expect(404);

    await download(`/api/public/problems/p1/files/${sha(photo)}`).expect(404);
    await p.http().post('/api/problems/p1/publish').set(office).send({}).expect(201);
    const published = await download(`/api/public/problems/p1/files/${sha(photo)}`).expect(200);
    expect(sha(published.body as Buffer)).toBe(sha(photo));
    expect((await p.http().get('/api/public/problems/p1').expect(200)).body.files).toEqual([sha(photo)]);
    // The campaign's public list names the same file (from the ledger's kept state).
    const listed = (await p.http().get('/api/public/campaigns/c1/problems').expect(200)).body.problems as { problemId: string; files: string[] }[];
    expect(listed.find((x) => x.problemId === 'p1')?.files).toEqual([sha(photo)]);
    // Stored, but attached to a unit's step, not to this published problem.
    await download(`/api/public/problems/p1/files/${sha(minutes)}`).expect(404);
  });
});
