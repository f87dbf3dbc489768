import { refuse } from './domain-error';
import { hasControlCharacters } from './text';

export interface TextRules {
  readonly required?: boolean;
  /** Keeps line breaks (notes, narratives); single-line text refuses them. */
  readonly multiline?: boolean;
  /** Characters; 200 for a single line, 2000 for multi-line text unless given. */
  readonly max?: number;
}

/**
 * Trimmed user text, refused by name when it is missing, too long or carries control characters:
 * `${field}_required`, `${field}_too_long`, `${field}_invalid`.
 */
export function checkedText(value: string | null | undefined, field: string, name: string, rules: TextRules = {}): string {
  const clean = (value ?? '').trim();
  if (rules.required && !clean) refuse(`${field}_required`, `请填写${name} (${field} is required)`);
  const max = rules.max ?? (rules.multiline ? 2000 : 200);
  if (clean.length > max) refuse(`${field}_too_long`, `${name}不能超过 ${max} 字 (${field} ≤ ${max} characters)`, { max });
  if (hasControlCharacters(clean, { multiline: rules.multiline })) refuse(`${field}_invalid`, `${name}含有控制字符 (${field} has control characters)`);
  return clean;
}
