import type { Type } from '@nestjs/common';
import { LocatedRequest, UnitLocator } from './access-rule';
import { UnitLookup } from './scope-lookups';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** Units named in path parameters. */
export const fromParams =
  (...names: string[]): UnitLocator =>
  async (req: LocatedRequest) =>
    names.flatMap((n) => strings(req.params?.[n]));

/** Units named in body fields (strings or arrays of strings); absent fields add nothing. */
export const fromBody =
  (...paths: string[]): UnitLocator =>
  async (req: LocatedRequest) =>
    paths.flatMap((p) => strings(p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], req.body)));

/** Units of a resource named by a path parameter, through the lookup of the context that owns it. */
export const fromLookup =
  (lookup: Type<UnitLookup>, param: string): UnitLocator =>
  async (req, lookups) => {
    const id = req.params?.[param];
    return typeof id === 'string' ? lookups.lookup(lookup).units(id) : null;
  };

/** Every unit any locator names; null as soon as one names something unknown. */
export const allOf =
  (...locators: UnitLocator[]): UnitLocator =>
  async (req, lookups) => {
    const out: string[] = [];
    for (const l of locators) {
      const units = await l(req, lookups);
      if (units === null) return null;
      out.push(...units);
    }
    return out;
  };
