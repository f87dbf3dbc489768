import { FakeMongo } from '@platform/read-models/testing/fake-mongo-connection';
import { Query, update } from 'mingo';
import type { Connection } from 'mongoose';

type Doc = Record<string, unknown> & { _id: unknown };
type Modifier = Parameters<typeof update>[1];

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

/**
 * The read store's fake driver with the three calls the shared-state adapters add:
 * findOneAndUpdate (conditional, optionally upserting), insertOne (refusing a taken _id) and
 * updateMany. Upserts behave as a server does: a filter that matches nothing while its _id is
 * taken collides (duplicate key), which is what the adapters' conditional writes rely on.
 */
export class FakeSharedStateMongo extends FakeMongo {
  override connection(): Connection {
    const base = super.connection();
    const db = { collection: (name: string) => this.withSharedStateCalls(name, base.db!.collection(name)) };
    return { ...base, db } as unknown as Connection;
  }

  private withSharedStateCalls(name: string, collection: object) {
    const docs = () => {
      if (!this.data.has(name)) this.data.set(name, new Map());
      return this.data.get(name)! as Map<unknown, Doc>;
    };
    const matching = (filter: object) => {
      const q = new Query(filter as Record<string, unknown>);
      return [...docs().values()].filter((d) => q.test(d));
    };
    return {
      ...collection,
      findOneAndUpdate: async (filter: Record<string, unknown>, modifier: Modifier, options: { upsert?: boolean; returnDocument?: 'before' | 'after' } = {}) => {
        const [found] = matching(filter);
        if (found) {
          const before = structuredClone(found);
          update(found, modifier);
          return structuredClone(options.returnDocument === 'after' ? found : before);
        }
        if (!options.upsert) return null;
        const doc = Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v !== 'object' || v === null)) as Doc;
        if (docs().has(doc._id)) throw duplicateKey();
        update(doc, modifier);
        docs().set(doc._id, doc);
        return options.returnDocument === 'after' ? structuredClone(doc) : null;
      },
      insertOne: async (doc: Doc) => {
        if (docs().has(doc._id)) throw duplicateKey();
        docs().set(doc._id, structuredClone(doc));
        return { insertedId: doc._id };
      },
      updateMany: async (filter: object, modifier: Modifier) => {
        const found = matching(filter);
        for (const d of found) update(d, modifier);
        return { matchedCount: found.length, modifiedCount: found.length };
      },
    };
  }
}
