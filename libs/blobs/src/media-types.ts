/**
 * The kinds of evidence accepted — PDF, images, office documents — recognized from the file's
 * first bytes (its magic number), never from its name or the type the browser claims.
 *
 * A table rather than the `file-type` package: its current releases are ES modules only, which
 * neither this CommonJS build nor the test runner loads, and it recognizes hundreds of formats
 * where these few are all that may be accepted. The office formats are containers: OOXML and
 * OpenDocument are ZIP archives told apart by their part names, the older Word/Excel/PowerPoint
 * files OLE2 compound files told apart by their stream names.
 */
export interface EvidenceType {
  readonly mediaType: string;
  readonly extension: string;
  readonly name: string;
}

const T = (mediaType: string, extension: string, name: string): EvidenceType => ({ mediaType, extension, name });

export const EVIDENCE_TYPES = {
  pdf: T('application/pdf', 'pdf', 'PDF'),
  png: T('image/png', 'png', 'PNG 图片'),
  jpeg: T('image/jpeg', 'jpg', 'JPEG 图片'),
  gif: T('image/gif', 'gif', 'GIF 图片'),
  webp: T('image/webp', 'webp', 'WebP 图片'),
  docx: T('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'Word 文档'),
  xlsx: T('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'Excel 表格'),
  pptx: T('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'PowerPoint 演示文稿'),
  odt: T('application/vnd.oasis.opendocument.text', 'odt', 'OpenDocument 文档'),
  ods: T('application/vnd.oasis.opendocument.spreadsheet', 'ods', 'OpenDocument 表格'),
  odp: T('application/vnd.oasis.opendocument.presentation', 'odp', 'OpenDocument 演示文稿'),
  doc: T('application/msword', 'doc', 'Word 97-2003 文档'),
  xls: T('application/vnd.ms-excel', 'xls', 'Excel 97-2003 表格'),
  ppt: T('application/vnd.ms-powerpoint', 'ppt', 'PowerPoint 97-2003 演示文稿'),
} as const;

export const EVIDENCE_MEDIA_TYPES: readonly string[] = Object.values(EVIDENCE_TYPES).map((t) => t.mediaType);

/** 20 MiB: a scanned report of some dozens of pages, a phone photo several times over. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const starts = (b: Buffer, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const has = (b: Buffer, s: string, encoding: 'latin1' | 'utf16le' = 'latin1') => b.includes(Buffer.from(s, encoding));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffEvidenceType(b: Buffer): EvidenceType | null {
  if (starts(b, ascii('%PDF-'))) return EVIDENCE_TYPES.pdf;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return EVIDENCE_TYPES.png;
  if (starts(b, [0xff, 0xd8, 0xff])) return EVIDENCE_TYPES.jpeg;
  if (starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a'))) return EVIDENCE_TYPES.gif;
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return EVIDENCE_TYPES.webp;
  if (starts(b, ZIP)) return zipType(b);
  if (starts(b, OLE2)) return compoundType(b);
  return null;
}

function zipType(b: Buffer): EvidenceType | null {
  // OpenDocument stores its "mimetype" entry first and uncompressed: its content follows the name.
  if (starts(b, ascii('mimetype'), 30)) {
    const declared = b.subarray(38, 38 + 60).toString('latin1');
    for (const t of [EVIDENCE_TYPES.odt, EVIDENCE_TYPES.ods, EVIDENCE_TYPES.odp]) if (declared.startsWith(t.mediaType)) return t;
    return null;
  }
  // OOXML: part names are stored in clear in the local headers and the central directory.
  if (!has(b, '[Content_Types].xml')) return null;
  if (has(b, 'word/document.xml')) return EVIDENCE_TYPES.docx;
  if (has(b, 'xl/workbook.xml')) return EVIDENCE_TYPES.xlsx;
  if (has(b, 'ppt/presentation.xml')) return EVIDENCE_TYPES.pptx;
  return null;
}

function compoundType(b: Buffer): EvidenceType | null {
  // Directory entry names are UTF-16LE.
  if (has(b, 'WordDocument', 'utf16le')) return EVIDENCE_TYPES.doc;
  if (has(b, 'Workbook', 'utf16le') || has(b, 'Book', 'utf16le')) return EVIDENCE_TYPES.xls;
  if (has(b, 'PowerPoint Document', 'utf16le')) return EVIDENCE_TYPES.ppt;
  return null;
}

export function extensionOf(mediaType: string): string {
  return Object.values(EVIDENCE_TYPES).find((t) => t.mediaType === mediaType)?.extension ?? 'bin';
}
