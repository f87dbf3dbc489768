/**
 * How a record names an uploaded file: `sha256:<64 hex>`. Other reference strings are labels of
 * paper records (kept as they were written before uploads existed) and name no stored file.
 */
export const BLOB_REF_PREFIX = 'sha256:';
const BLOB_REF = /^sha256:[0-9a-f]{64}$/;

export function blobRef(sha256: string): string {
  return `${BLOB_REF_PREFIX}${sha256}`;
}

export function isBlobRef(ref: string): boolean {
  return BLOB_REF.test(ref);
}

/** Starts like a file reference: then it must be one exactly, and name a stored file. */
export function looksLikeBlobRef(ref: string): boolean {
  return ref.toLowerCase().startsWith(BLOB_REF_PREFIX);
}

export function hashOfRef(ref: string): string {
  return ref.slice(BLOB_REF_PREFIX.length);
}

/** The file references an event's data carries (`attachmentRef`, `attachmentRefs`). */
export function refsOf(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const d = data as { attachmentRef?: unknown; attachmentRefs?: unknown };
  const one = typeof d.attachmentRef === 'string' ? [d.attachmentRef] : [];
  const many = Array.isArray(d.attachmentRefs) ? d.attachmentRefs.filter((r): r is string => typeof r === 'string') : [];
  return [...one, ...many].filter(isBlobRef);
}

/** True when one of these events attaches the file: what makes it part of their record. */
export function attaches(events: readonly { data: unknown }[], sha256: string): boolean {
  const ref = blobRef(sha256);
  return events.some((e) => refsOf(e.data).includes(ref));
}
