import { Injectable } from '@nestjs/common';

/** Maps an id of some kind (campaign, problem, stream...) to the units it concerns; null when unknown. */
export type UnitLookup = (id: string) => Promise<string[] | null>;

/**
 * Each bounded context registers how its resources map to units; the access guard asks here
 * without importing the contexts (contexts depend on common, never the other way round).
 */
@Injectable()
export class ScopeLookupRegistry {
  private readonly lookups = new Map<string, UnitLookup>();
  private readonly streamLookups = new Map<string, UnitLookup>();

  register(kind: string, lookup: UnitLookup): void {
    this.lookups.set(kind, lookup);
  }

  /** For stream ids `<category>-<rest>`: the lookup receives the whole stream id. */
  registerStreamCategory(category: string, lookup: UnitLookup): void {
    this.streamLookups.set(category, lookup);
  }

  async units(kind: string, id: string): Promise<string[] | null> {
    const lookup = this.lookups.get(kind);
    if (!lookup) throw new Error(`no unit lookup registered for "${kind}"`);
    return lookup(id);
  }

  async streamUnits(streamId: string): Promise<string[] | null> {
    const category = streamId.slice(0, streamId.indexOf('-'));
    const lookup = this.streamLookups.get(category);
    return lookup ? lookup(streamId) : null;
  }
}
