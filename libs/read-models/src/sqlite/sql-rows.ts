/** `(?, ?, …), (?, ?, …)`: the VALUES of a multi-row statement, `rows` rows of `columns` parameters each. */
export const placeholders = (rows: number, columns: number): string => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');

/** A statement's text per number of rows, made once: the commits of a projection ask for the same few again and again. */
export function byRows(text: (rows: number) => string): (rows: number) => string {
  const made = new Map<number, string>();
  return (rows) => {
    let sql = made.get(rows);
    if (sql === undefined) made.set(rows, (sql = text(rows)));
    return sql;
  };
}
