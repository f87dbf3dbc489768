/**
 * C0 and C1 control characters (NUL, escape sequences...) and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a stored name or note display differently
 * from what it says — in the audit trail, a notice or an export.
 */
const SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Multi-line text keeps tab and line breaks (LF, and the CR of a CRLF pair as browsers send it). */
const MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? MULTI_LINE : SINGLE_LINE).test(text);
}
