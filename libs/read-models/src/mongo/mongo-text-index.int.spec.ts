import { upsert } from '../read-store.port';
import { FakeMongo } from '../testing/fake-mongo-connection';
import { MongoReadStore } from './mongo-read-store';
import { NGRAM_FIELD } from './text-ngrams';

// The adapter's bookkeeping over a fake driver; the search contract runs it on a server when MONGO_URL is set.
describe('MongoDB read store text index', () => {
  it('keeps the n-grams of the declared fields beside each document, indexed, and never shows them to readers', async () => {
    const mongo = new FakeMongo();
    const store = new MongoReadStore(mongo.connection());
    await store.ensureTextIndex('entries', ['title']);
    await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('entries', { _id: 'a', title: '三中', n: 1 }), upsert('plain', { _id: 'b', title: '三中' })] });
    expect(mongo.indexes.get('entries')).toEqual([`${NGRAM_FIELD}_1`]);
    expect([...(mongo.data.get('entries')?.values() ?? [])][0][NGRAM_FIELD]).toEqual(['三', '中', '三中']);
    expect([...(mongo.data.get('plain')?.values() ?? [])][0]).not.toHaveProperty(NGRAM_FIELD);
    expect(await store.get('entries', 'a')).toEqual({ _id: 'a', title: '三中', n: 1 });
    expect(await store.find('entries', {})).toEqual([{ _id: 'a', title: '三中', n: 1 }]);
    expect(await store.findText('entries', { terms: ['中'], limit: 10 })).toEqual([{ _id: 'a', title: '三中', n: 1 }]);
    await expect(store.findText('plain', { terms: ['中'], limit: 10 })).rejects.toThrow('no text index declared on plain');
  });
});
