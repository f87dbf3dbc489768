import { Select } from 'antd';
import type { CSSProperties } from 'react';

interface Props {
  /** The address parameter the filter sets (a list of values as one comma-separated parameter). */
  readonly name: string;
  readonly set: (name: string, value: string | undefined) => void;
  readonly value: string | readonly string[] | undefined;
  readonly multiple?: boolean;
  readonly placeholder: string;
  readonly options: { value: string; label: string }[];
  readonly style: CSSProperties;
  readonly testId?: string;
}

/** A page's filter above its table: clearing it, or choosing nothing, removes the parameter. */
export function FilterSelect({ name, set, value, multiple, placeholder, options, style, testId }: Props) {
  return (
    <Select
      allowClear
      mode={multiple ? 'multiple' : undefined}
      size="small"
      style={style}
      placeholder={placeholder}
      value={value as string | string[] | undefined}
      onChange={(v: string | string[] | undefined) => set(name, Array.isArray(v) ? v.join(',') || undefined : v)}
      options={options}
      data-testid={testId}
    />
  );
}
