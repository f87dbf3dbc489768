import { FakeMongo } from '@platform/read-models/testing/fake-mongo-connection';
import type { Connection } from 'mongoose';

type Doc = Record<string, unknown> & { _id: unknown };

/**
 * The read store's fake driver with the inserts the notary store makes: an ordered insertMany
 * that, like a server, keeps the documents before a duplicate `_id` (or unique field) and stops
 * there with a duplicate-key error, and insertOne.
 */
export class FakeNotaryMongo extends FakeMongo {
  constructor(private readonly unique: Record<string, readonly string[]> = { notary_links: ['position'] }) {
    super();
  }

  override connection(): Connection {
    const base = super.connection();
    const db = { collection: (name: string) => this.withInserts(name, base.db!.collection(name)) };
    return { ...base, db } as unknown as Connection;
  }

  private withInserts(name: string, collection: object) {
    const docs = () => {
      if (!this.data.has(name)) this.data.set(name, new Map());
      return this.data.get(name)! as Map<unknown, Doc>;
    };
    const insert = (doc: Doc) => {
      const taken = docs().has(doc._id) || (this.unique[name] ?? []).some((field) => [...docs().values()].some((d) => d[field] === doc[field]));
      if (taken) throw Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
      docs().set(doc._id, structuredClone(doc));
    };
    return {
      ...collection,
      insertOne: async (doc: Doc) => {
        insert(doc);
        return { insertedId: doc._id };
      },
      insertMany: async (batch: readonly Doc[]) => {
        for (const doc of batch) insert(doc);
        return { insertedCount: batch.length };
      },
    };
  }
}
