import { TableColumnsType, TableProps } from 'antd';
import { CSSProperties, useMemo } from 'react';
import { DenseTable } from './DenseTable';

type Props<T> = Omit<TableProps<T>, 'scroll' | 'tableLayout' | 'columns'> & {
  /** The width below which the table scrolls sideways (a phone) instead of squeezing its columns. */
  readonly minWidth: number;
  readonly columns: TableColumnsType<T>;
};

/**
 * A page's main table, wide enough to scroll sideways on a phone, with its leading `fixed: 'left'`
 * columns kept in view. Ant Design's own `scroll.x` and fixed columns measure the drawn table
 * (every column's width, then the scroll position for the shadows), each reading forcing the
 * browser to lay out the whole page again inside the task that shows the data: on the tracker
 * that was about half of the work after the answer arrived (docs/benchmarks.md, section 5). Here
 * the widths are the columns' own (fixed table layout), the sideways scroll is the wrapper's, and
 * the leading columns stick by CSS at offsets summed from those widths: nothing to measure. It is
 * dense, as DenseTable.
 */
export function WideTable<T extends object>({ minWidth, columns, ...props }: Props<T>) {
  const sticky = useMemo(() => {
    let offset = 0;
    let leading = true;
    return columns.map((c) => {
      if (!leading || (c.fixed !== 'left' && c.fixed !== true)) {
        leading = false;
        return c.fixed ? { ...c, fixed: undefined } : c;
      }
      const style: CSSProperties = { insetInlineStart: offset };
      offset += Number(c.width ?? 0);
      const cell = () => ({ style });
      return { ...c, fixed: undefined, className: c.className ? `${c.className} sticky-col` : 'sticky-col', onCell: cell, onHeaderCell: cell };
    });
  }, [columns]);
  return (
    <div className="wide-table" style={{ '--table-min-width': `${minWidth}px` } as CSSProperties}>
      <DenseTable<T> {...props} columns={sticky} tableLayout="fixed" />
    </div>
  );
}
