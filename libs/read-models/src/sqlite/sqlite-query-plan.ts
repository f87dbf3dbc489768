import { FieldShape, Filter, SortSpec } from '../read-store.port';

/** Declared shapes per field; a declared array's elements are indexed in array_values. */
export type FieldKinds = ReadonlyMap<string, FieldShape>;

/** The part of a MongoDB filter that SQLite can evaluate, as SQL over the document's JSON. */
export interface SqlPlan {
  readonly where: string[];
  readonly params: unknown[];
  /**
   * True when the SQL selects exactly the documents the filter matches; otherwise it selects a
   * superset and every row must still pass the filter (evaluated with mingo).
   */
  readonly exact: boolean;
}

export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPERATORS: Record<string, string> = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

type Primitive = string | number | boolean;
const isPrimitive = (v: unknown): v is Primitive =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** JSON true/false come out of SQLite's JSON functions as 1/0. */
const sqlValue = (v: Primitive) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

export const jsonExtract = (path: string) => `json_extract(body, '$.${path}')`;

/**
 * Whether matching these many values of a declared array field should look its documents up in
 * array_values (a few documents: SQLite may start from them) rather than check each candidate
 * document's elements (a value most documents hold: looking them all up would cost more).
 */
export type ArrayLookupChoice = (field: string, values: readonly (string | number)[]) => boolean;

/** Splits a filter into SQL conditions on the fields it can translate; the rest stays for mingo. */
export function planFilter(collection: string, filter: Filter | undefined, fields: FieldKinds, lookUp: ArrayLookupChoice = () => true): SqlPlan {
  const where: string[] = [];
  const params: unknown[] = [];
  let exact = true;
  const { conditions, whole } = conditionsOf(filter ?? {});
  if (!whole) exact = false;
  const idBounds = keyComparisons(conditions).bounds;
  for (const [key, condition] of conditions) {
    if (key.startsWith('$') || !FIELD_PATH.test(key)) {
      exact = false;
      continue;
    }
    const kind = key === '_id' ? 'id' : (fields.get(key) ?? (key.includes('.') ? null : 'unknown'));
    const ops = operatorsOf(condition);
    if (kind === null || ops === null) {
      exact = false;
      continue;
    }
    for (const [op, value] of ops) {
      const translated = translate({ collection, lookUp, idBounds }, key, kind, op, value);
      where.push(translated.sql);
      params.push(...translated.params);
      if (!translated.exact) exact = false;
    }
  }
  return { where, params, exact };
}

/**
 * The filter's conditions, at its top level and in its `$and` (all of which every match meets);
 * `whole` is false when an `$and` is not a list of objects (what is not is left out, for mingo).
 */
function conditionsOf(filter: Filter): { conditions: Array<[key: string, condition: unknown]>; whole: boolean } {
  const conditions: Array<[string, unknown]> = [];
  let whole = true;
  const flatten = (f: Filter): void => {
    for (const [key, condition] of Object.entries(f)) {
      if (key !== '$and') conditions.push([key, condition]);
      else if (!Array.isArray(condition)) whole = false;
      else
        for (const part of condition) {
          if (part !== null && typeof part === 'object' && !Array.isArray(part)) flatten(part as Filter);
          else whole = false;
        }
    }
  };
  flatten(filter);
  return { conditions, whole };
}

/**
 * The comparisons of `_id` with one value among these conditions; `complete` is false when another
 * condition on `_id` (an `$in`, an operator SQL is not given) is left out.
 */
function keyComparisons(conditions: ReadonlyArray<[string, unknown]>): { bounds: Array<[op: string, value: Primitive]>; complete: boolean } {
  const bounds: Array<[string, Primitive]> = [];
  let complete = true;
  for (const [key, condition] of conditions) {
    if (key !== '_id') continue;
    const ops = operatorsOf(condition);
    if (!ops) complete = false;
    for (const [op, value] of ops ?? []) {
      if (op in OPERATORS && !Array.isArray(value)) bounds.push([op, value]);
      else complete = false;
    }
  }
  return { bounds, complete };
}

/** `{ f: v }`, or an object of $eq/$in/$gt/$gte/$lt/$lte over primitives; anything else is left to mingo. */
function operatorsOf(condition: unknown): Array<[string, Primitive | Primitive[]]> | null {
  if (isPrimitive(condition)) return [['$eq', condition]];
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return null;
  const entries = Object.entries(condition as Record<string, unknown>);
  if (entries.length === 0) return null;
  const ops: Array<[string, Primitive | Primitive[]]> = [];
  for (const [op, value] of entries) {
    if (op === '$in' && Array.isArray(value) && value.every(isPrimitive)) ops.push([op, value as Primitive[]]);
    else if (op in OPERATORS && isPrimitive(value)) ops.push([op, value]);
    else return null;
  }
  return ops;
}

function translate(
  { collection, lookUp, idBounds }: { collection: string; lookUp: ArrayLookupChoice; idBounds: ReadonlyArray<[string, Primitive]> },
  key: string,
  kind: FieldShape | 'id' | 'unknown',
  op: string,
  value: Primitive | Primitive[],
): { sql: string; params: unknown[]; exact: boolean } {
  const values = Array.isArray(value) ? value : [value];
  const mixesBooleans = values.some((v) => typeof v === 'boolean');
  const set = valueSet(values.map(sqlValue));
  if (kind === 'id' || kind === 'scalar') {
    const expr = kind === 'id' ? 'id' : jsonExtract(key);
    // One value is an equality: SQLite ranges over a compound index's next column only after "=", not "IN (?)".
    if (op === '$in' && values.length === 1) return { sql: `${expr} = ?`, params: [sqlValue(values[0])], exact: true };
    if (op === '$in') return { sql: `${expr} IN ${set.sql}`, params: set.params, exact: true };
    return { sql: `${expr} ${OPERATORS[op]} ?`, params: [sqlValue(value as Primitive)], exact: true };
  }
  // A declared array's elements are indexed in array_values: equality looks them up there.
  if (kind === 'array' && !mixesBooleans && (op === '$eq' || op === '$in')) {
    // Literals (both names are checked against strict patterns), so the field's partial index applies.
    // The filter's bounds on the key go inside too, where the index ranges over them after each value:
    // left outside, SQLite listed every document of the values and looked each one up to test them
    // (a district's audit page of one month: 58 ms through its 32,287 entries, against 4 ms).
    const lookedUp = lookUp(key, values as (string | number)[]);
    if (lookedUp) {
      const within = idBounds.map(([op]) => ` AND id ${OPERATORS[op]} ?`).join('');
      const sql = `id IN (SELECT id FROM array_values WHERE collection = '${collection}' AND field = '${key}' AND value IN ${set.sql}${within})`;
      return { sql, params: [...set.params, ...idBounds.map(([, v]) => sqlValue(v))], exact: true };
    }
    // Unary + keeps the value out of the index choice, so each document's own elements are read by the
    // key (collection, id, field) and tested against the set. Left to itself, SQLite probed the field's
    // index once per value for every document, or ran the subquery as a join over every element below
    // the bound: a city-wide scope (2,574 units) counted a page of the audit trail in 0.65 s and a
    // supervision group's (1,455) in 9.9 s, against 2-3 ms this way.
    const sql = `EXISTS (SELECT 1 FROM array_values AS v WHERE v.collection = '${collection}' AND v.id = documents.id AND v.field = '${key}' AND +v.value IN ${set.sql})`;
    return { sql, params: set.params, exact: true };
  }
  // Arrays (and fields of unknown shape) match when any element does, as MongoDB matches arrays.
  const each = `EXISTS (SELECT 1 FROM json_each(body, '$.${key}') AS e WHERE e.value`;
  const exact = kind === 'array' && !mixesBooleans;
  if (op === '$in') return { sql: `${each} IN (SELECT value FROM json_each(?)))`, params: [JSON.stringify(values.map(sqlValue))], exact };
  return { sql: `${each} ${OPERATORS[op]} ?)`, params: [sqlValue(value as Primitive)], exact };
}

/**
 * A count whose only conditions are membership in a declared array (a campaign's whole ledger, a
 * district's audit entries) and bounds on the key can be answered from array_values alone, without
 * visiting each document; null otherwise. Bounded by `limit`, it stops at that many documents (a
 * district's first 1,001 audit entries: 14-21 ms looked up one by one in the documents, 1-2 ms so).
 */
export function planArrayCount(
  collection: string,
  filter: Filter | undefined,
  fields: FieldKinds,
  { limit = Infinity, lookUp = () => null }: { readonly limit?: number; readonly lookUp?: (field: string, values: readonly (string | number)[]) => string | null } = {},
): { sql: string; params: unknown[] } | null {
  const { conditions, whole } = conditionsOf(filter ?? {});
  if (!whole) return null;
  const members = conditions.filter(([key]) => key !== '_id');
  if (members.length !== 1) return null;
  const [key, condition] = members[0];
  const ops = fields.get(key) === 'array' && FIELD_PATH.test(key) ? operatorsOf(condition) : null;
  if (!ops || ops.length !== 1 || (ops[0][0] !== '$eq' && ops[0][0] !== '$in')) return null;
  const values = Array.isArray(ops[0][1]) ? ops[0][1] : [ops[0][1]];
  // No value matches nothing, which SQLite answers without an index (and refuses to through one).
  if (values.length === 0 || values.some((v) => typeof v === 'boolean')) return null;
  const { bounds, complete } = keyComparisons(conditions);
  if (!complete) return null;
  const set = valueSet(values);
  const where = `collection = '${collection}' AND field = '${key}' AND value IN ${set.sql}${bounds.map(([op]) => ` AND id ${OPERATORS[op]} ?`).join('')}`;
  const params = [...set.params, ...bounds.map(([, v]) => sqlValue(v))];
  // A few values' elements are read value by value on the field's index, within the bounds; with the
  // bounds SQLite would rather walk every element of the key range (a town's 1,800 entries counted
  // through the city's 370,000 elements: 38 ms). Many values': the key range, tested against them.
  const index = lookUp(key, values as (string | number)[]);
  const from = index ? `array_values INDEXED BY "${index}"` : 'array_values';
  if (Number.isFinite(limit)) return { sql: `SELECT count(*) AS n FROM (SELECT DISTINCT id FROM ${from} WHERE ${where} LIMIT ${Math.floor(limit)})`, params };
  return { sql: `SELECT count(DISTINCT id) AS n FROM ${from} WHERE ${where}`, params };
}

/**
 * A short list is bound value by value, so the planner's samples (STAT4) see which values are
 * common ("closed" is most problems) and which are rare; a long one goes as one JSON parameter.
 */
function valueSet(values: Primitive[]): { sql: string; params: unknown[] } {
  if (values.length <= 32) return { sql: `(${values.map(() => '?').join(', ')})`, params: values };
  return { sql: '(SELECT value FROM json_each(?))', params: [JSON.stringify(values)] };
}

/**
 * ORDER BY for a sort over `_id` and declared scalar fields; null when SQLite cannot sort it the
 * MongoDB way. `_id` is ordered after the (constant) collection: an expression index's entries are
 * (value, collection, id), so "field, collection, id" is the index's own order and a page is read
 * straight off it; "field, id" made SQLite sort every row in range first (1.5 s for a page of the
 * city's audit trail, against about a millisecond).
 */
export function planSort(sort: SortSpec, fields: FieldKinds): string | null {
  const terms: string[] = [];
  for (const [key, direction] of Object.entries(sort)) {
    const expr = key === '_id' ? 'id' : fields.get(key) === 'scalar' ? jsonExtract(key) : null;
    if (!expr) return null;
    const dir = direction === -1 ? 'DESC' : 'ASC';
    if (key === '_id') terms.push(`collection ${dir}`);
    terms.push(`${expr} ${dir}`);
  }
  return terms.join(', ');
}
