import { ModuleRef } from '@nestjs/core';
import { ScopeLookupRegistry, StreamCategory, UnitLookup, unitAfterDot } from './scope-lookups';

class ThingUnits implements UnitLookup {
  async units(id: string): Promise<string[] | null> {
    return id === 't1' ? ['u1', 'u2'] : null;
  }
}

const categories: StreamCategory[] = [
  { prefix: 'thing', units: (streamId, lookups) => lookups.lookup(ThingUnits).units(streamId.slice('thing-'.length)) },
  { prefix: 'progress', units: async (streamId) => unitAfterDot(streamId) },
];
const modules = { get: () => new ThingUnits() } as unknown as ModuleRef;

describe('ScopeLookupRegistry: the units of an event stream, by its kind', () => {
  const registry = new ScopeLookupRegistry(modules, categories);

  it('asks the lookup of the context that owns the stream', async () => {
    expect(await registry.streamUnits('thing-t1')).toEqual(['u1', 'u2']);
    expect(await registry.streamUnits('thing-t2')).toBeNull();
  });

  it('reads the unit of a per-unit stream after the dot', async () => {
    expect(await registry.streamUnits('progress-c1.branch-7')).toEqual(['branch-7']);
  });

  it('finds no unit for a stream of no listed kind, so only administrators read it', async () => {
    expect(await registry.streamUnits('user-op-a')).toBeNull();
    expect(await new ScopeLookupRegistry(modules, null).streamUnits('thing-t1')).toBeNull();
  });
});
