import { Query, update } from 'mingo';
import type { Connection } from 'mongoose';

type Doc = Record<string, unknown> & { _id: unknown };
type Sort = Record<string, 1 | -1>;

/**
 * The few driver calls MongoReadStore makes, over in-memory collections, with filters and updates
 * evaluated by mingo. Not MongoDB: it lets the adapter's own logic (fencing, redo journal,
 * recovery) be tested where no server is at hand. `failNext` makes the named operation throw once,
 * as if the process died right there.
 */
export class FakeMongo {
  readonly data = new Map<string, Map<unknown, Doc>>();
  /** Index names created per collection. */
  readonly indexes = new Map<string, string[]>();
  private readonly failures = new Set<string>();

  failNext(operation: 'bulkWrite' | 'deleteMany' | 'finish'): void {
    this.failures.add(operation);
  }

  connection(): Connection {
    const db = { collection: (name: string) => this.collection(name) };
    return { db, close: async () => undefined, dropDatabase: async () => this.data.clear() } as unknown as Connection;
  }

  private fail(operation: string): void {
    if (this.failures.delete(operation)) throw new Error(`simulated crash in ${operation}`);
  }

  private docs(name: string): Map<unknown, Doc> {
    let docs = this.data.get(name);
    if (!docs) this.data.set(name, (docs = new Map()));
    return docs;
  }

  private collection(name: string) {
    const docs = () => this.docs(name);
    const matching = (filter: object) => {
      const q = new Query(filter as Record<string, unknown>);
      return [...docs().values()].filter((d) => q.test(d));
    };
    /** Exclusion projections only ({ field: 0 }), the kind the store uses. */
    const project = (doc: Doc | null, projection: Record<string, 0> | undefined): Doc | null => {
      if (!doc || !projection) return doc;
      const copy = { ...doc };
      for (const field of Object.keys(projection)) delete copy[field];
      return copy;
    };
    const cursor = (items: Doc[], projection?: Record<string, 0>) => {
      let sort: Sort | undefined;
      let skip = 0;
      let limit: number | undefined;
      const c = {
        sort: (s: Sort) => ((sort = s), c),
        skip: (n: number) => ((skip = n), c),
        limit: (n: number) => ((limit = n), c),
        toArray: async () => {
          let cur = new Query({}).find<Doc>(items);
          if (sort) cur = cur.sort(sort);
          let all = cur.all().slice(skip);
          if (limit !== undefined && limit > 0) all = all.slice(0, limit);
          return structuredClone(all.map((d) => project(d, projection)));
        },
      };
      return c;
    };
    const equalityFields = (filter: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(filter).filter(([k, v]) => !k.includes('.') && (typeof v !== 'object' || v === null)));
    return {
      findOne: async (filter: object, options: { projection?: Record<string, 0> } = {}) => structuredClone(project(matching(filter)[0] ?? null, options.projection)),
      find: (filter: object, options: { sort?: Sort; projection?: Record<string, 0> } = {}) => cursor(matching(filter), options.projection).sort(options.sort ?? { _id: 1 }),
      createIndex: async (keys: Record<string, 1 | -1>, options: { name?: string } = {}) => {
        this.indexes.set(name, [...(this.indexes.get(name) ?? []), options.name ?? Object.keys(keys).join('_')]);
        return options.name;
      },
      countDocuments: async (filter: object) => matching(filter).length,
      updateOne: async (filter: Record<string, unknown>, modifier: Record<string, object>, options: { upsert?: boolean } = {}) => {
        if ('pending.position' in filter) this.fail('finish');
        const [found] = matching(filter);
        if (found) {
          update(found, modifier);
          return { matchedCount: 1, upsertedCount: 0 };
        }
        if (!options.upsert) return { matchedCount: 0, upsertedCount: 0 };
        const doc = equalityFields(filter) as Doc;
        if (docs().has(doc._id)) throw Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
        update(doc, modifier);
        docs().set(doc._id, doc);
        return { matchedCount: 0, upsertedCount: 1 };
      },
      bulkWrite: async (
        ops: Array<{ replaceOne?: { filter: { _id: unknown }; replacement: Doc }; deleteOne?: { filter: { _id: unknown } } }>,
      ) => {
        this.fail('bulkWrite');
        for (const op of ops) {
          if (op.replaceOne) docs().set(op.replaceOne.filter._id, structuredClone(op.replaceOne.replacement));
          if (op.deleteOne) docs().delete(op.deleteOne.filter._id);
        }
      },
      deleteMany: async () => {
        this.fail('deleteMany');
        docs().clear();
      },
      deleteOne: async (filter: object) => {
        const [found] = matching(filter);
        if (found) docs().delete(found._id);
      },
    };
  }
}
