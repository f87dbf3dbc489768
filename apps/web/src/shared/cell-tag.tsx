import type { ReactNode } from 'react';

/**
 * A tag inside a table cell or a list row: the markup and classes of Ant Design's filled Tag, from
 * the same static stylesheet, so it looks the same, without a component per cell. A Tag is a
 * component with its own theme-token hooks; twenty rows of two or three of them were a large part
 * of the work of drawing a page's table (docs/benchmarks.md, section 5).
 */
export function CellTag({ color, title, testId, children }: { color?: string; title?: string; testId?: string; children: ReactNode }) {
  return (
    <span className={color && color !== 'default' ? `ant-tag ant-tag-filled ant-tag-${color}` : 'ant-tag ant-tag-filled'} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

/** Tags side by side in a cell, wrapping on a narrow screen (a plain flex row, not a Space per cell). */
export function CellTags({ children }: { children: ReactNode }) {
  return <span className="cell-tags">{children}</span>;
}
