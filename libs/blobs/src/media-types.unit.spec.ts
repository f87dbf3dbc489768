import { samplePdf, samplePng } from './sample-files';
import { sniffEvidenceType } from './media-types';

const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n, 'latin1'))]);
const ole2With = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);

describe('evidence types are judged by their bytes', () => {
  it.each([
    ['a PDF', samplePdf('x'), 'application/pdf'],
    ['a PNG', samplePng([0, 0, 0]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['a Word document', zipWith('[Content_Types].xml', 'word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel workbook', zipWith('[Content_Types].xml', 'xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a PowerPoint deck', zipWith('[Content_Types].xml', 'ppt/presentation.xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['an OpenDocument text', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]), 'application/vnd.oasis.opendocument.text'],
    ['a Word 97 document', ole2With('WordDocument'), 'application/msword'],
    ['an Excel 97 workbook', ole2With('Workbook'), 'application/vnd.ms-excel'],
  ])('accepts %s', (_, bytes, mediaType) => {
    expect(sniffEvidenceType(bytes)?.mediaType).toBe(mediaType);
  });

  it.each([
    ['a shell script named .pdf', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a plain ZIP archive', zipWith('readme.txt')],
    ['an OOXML package of no office kind', zipWith('[Content_Types].xml', 'custom/part.xml')],
    ['an OLE2 file of no office kind', ole2With('Something')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e])],
  ])('refuses %s', (_, bytes) => {
    expect(sniffEvidenceType(bytes)).toBeNull();
  });
});
