import { addVectorInto, LeafVectors } from './leaf-vectors';

const shape = () => ({ total: 0, warnings: { green: 0, red: 0 }, parts: { open: { n: 0 } } });

describe('LeafVectors', () => {
  const vectors = new LeafVectors(shape);

  it('reads a nested record into its leaves and back', () => {
    const record = { total: 3, warnings: { green: 1, red: 2 }, parts: { open: { n: 5 } } };
    expect([...vectors.of(record)]).toEqual([3, 1, 2, 5]);
    expect(vectors.record(vectors.of(record))).toEqual(record);
  });

  it('sums records leaf by leaf, a missing leaf counting as 0', () => {
    const sum = vectors.zero();
    addVectorInto(sum, vectors.of({ total: 1, warnings: { green: 1, red: 0 }, parts: { open: { n: 2 } } }));
    addVectorInto(sum, vectors.of({ total: 2, warnings: { red: 4 } } as ReturnType<typeof shape>));
    expect(vectors.record(sum)).toEqual({ total: 3, warnings: { green: 1, red: 4 }, parts: { open: { n: 2 } } });
  });
});
