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
    const cursor = (items: Doc[]) => {
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
          return structuredClone(all);
        },
      };
      return c;
    };
    const equalityFields = (filter: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(filter).filter(([k, v]) => !k.includes('.') && (typeof v !== 'object' || v === null)));
    return {
      findOne: async (filter: object) => structuredClone(matching(filter)[0] ?? null),
      find: (filter: object, options: { sort?: Sort } = {}) => cursor(matching(filter)).sort(options.sort ?? { _id: 1 }),
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
