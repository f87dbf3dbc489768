import { Inject, Injectable, Optional, Type } from '@nestjs/common';
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

/**
 * A kind of event stream the event-stream endpoint serves, `<prefix>-<rest>`, and the units one of
 * them concerns (null: no such resource). Each context exports its own; the application lists them
 * when it composes the contexts. A stream of no listed kind concerns no unit: only administrators,
 * who see everything, read it (users' and usernames' streams).
 */
export interface StreamCategory {
  readonly prefix: string;
  units(streamId: string, lookups: ScopeLookupRegistry): Promise<string[] | null>;
}

export const STREAM_CATEGORIES = Symbol('STREAM_CATEGORIES');

/** `<prefix>-<campaign>.<unit>`: ids never contain '.', so the unit is what follows it. */
export function unitAfterDot(streamId: string): string[] {
  return [streamId.slice(streamId.indexOf('.') + 1)];
}

/** Finds the lookup a route names (Nest builds it in the module that owns it), and the units of a stream by its kind. */
@Injectable()
export class ScopeLookupRegistry {
  private readonly streamCategories: ReadonlyMap<string, StreamCategory>;

  constructor(
    private readonly modules: ModuleRef,
    @Optional() @Inject(STREAM_CATEGORIES) categories: readonly StreamCategory[] | null,
  ) {
    this.streamCategories = new Map((categories ?? []).map((c) => [c.prefix, c]));
  }

  lookup<T extends UnitLookup>(type: Type<T>): T {
    return this.modules.get(type, { strict: false });
  }

  async streamUnits(streamId: string): Promise<string[] | null> {
    const category = this.streamCategories.get(streamId.slice(0, streamId.indexOf('-')));
    return category ? category.units(streamId, this) : null;
  }
}
