import { Injectable, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * How a context maps one kind of its resources (a campaign, a problem, a notice) to the units it
 * concerns; null when there is no such resource. The context that owns the resource exports the
 * class, and a route names it: `fromLookup(CampaignUnits, 'campaignId')`, an import the compiler
 * checks, instead of a name some module had to register.
 */
export interface UnitLookup {
  units(id: string): Promise<string[] | null>;
}

/** For stream ids `<category>-<rest>`: the lookup receives the whole stream id. */
export type StreamUnitLookup = (streamId: string) => Promise<string[] | null>;

/**
 * Finds the lookup a route names (Nest builds it in the module that owns it), and the stream
 * categories the event-stream endpoint serves, which each context registers for its streams.
 */
@Injectable()
export class ScopeLookupRegistry {
  private readonly streamLookups = new Map<string, StreamUnitLookup>();

  constructor(private readonly modules: ModuleRef) {}

  lookup<T extends UnitLookup>(type: Type<T>): T {
    return this.modules.get(type, { strict: false });
  }

  registerStreamCategory(category: string, lookup: StreamUnitLookup): void {
    this.streamLookups.set(category, lookup);
  }

  async streamUnits(streamId: string): Promise<string[] | null> {
    const category = streamId.slice(0, streamId.indexOf('-'));
    const lookup = this.streamLookups.get(category);
    return lookup ? lookup(streamId) : null;
  }
}
