import { Table, TableProps } from 'antd';

/**
 * A table in the platform's dense style (small rows, the `dense-table` class): every list of units,
 * problems and events is one. It shows all its rows unless given a pager.
 */
export function DenseTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" className="dense-table" pagination={false} {...props} />;
}
