import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.0 flavour) the platform's document uses for requests. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
}

export type Resolve = (schema: Schema) => Schema;

/** Follows `#/components/schemas/X` references within one document. */
export function resolverFor(components: Record<string, Schema>): Resolve {
  return function resolve(schema: Schema): Schema {
    return schema.$ref ? resolve(components[schema.$ref.replace('#/components/schemas/', '')]) : schema;
  };
}

const DAY = 24 * 3600 * 1000;
// Past instants only: the platform refuses an occurredAt in the future.
const pastDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(Date.now() - DAY), noInvalidDate: true });

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date') return pastDate.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return pastDate.map((d) => d.toISOString());
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 24, Math.max(minLength, 24));
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: fc.constantFrom(...'abcxyz 甲乙丙整改测评-_0123456789') });
}

/** Values the schema accepts (kept small: arrays of at most three items, strings of a few dozen characters). */
export function valueFor(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf) {
    const { anyOf, ...rest } = s;
    return fc.oneof(...anyOf.map((alternative) => valueFor({ ...rest, ...alternative }, resolve)));
  }
  switch (s.type) {
    case 'string':
      return stringOf(s);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? Math.max((s.minimum ?? 0) + 1000, 1000) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(valueFor(s.items ?? {}, resolve), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'object':
    case undefined: {
      if (!s.properties) return fc.constant({});
      const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valueFor(v, resolve)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
  }
}

/** A value of another JSON type than the schema's, which a validator of that schema must refuse. */
export function wrongTypeFor(schema: Schema, resolve: Resolve): unknown | undefined {
  const s = resolve(schema);
  if (s.enum) return 'not-one-of-the-values';
  switch (s.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'maybe';
    case 'array':
      return 12345;
    case 'object':
      return 'not-an-object';
    default:
      return s.properties ? 'not-an-object' : undefined;
  }
}

/** Ways to break a valid object body: a missing required field, an unknown field, a field of the wrong type, not an object at all. */
export function brokenBody(schema: Schema, resolve: Resolve, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const variants: fc.Arbitrary<unknown>[] = [fc.constant({ ...valid, unexpectedField: 'x' }), fc.constantFrom<unknown>('text', 42)];
  // An array passes a request class with nothing required (the pipe validates its items, of which there are none).
  if (s.required?.length) variants.push(fc.constant([]));
  const required = (s.required ?? []).filter((k) => k in valid);
  if (required.length) variants.push(fc.constantFrom(...required).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))));
  const typed = Object.entries(s.properties ?? {}).flatMap(([k, v]) => {
    const wrong = wrongTypeFor(v, resolve);
    return wrong === undefined ? [] : [{ ...valid, [k]: wrong }];
  });
  if (typed.length) variants.push(fc.constantFrom(...typed));
  return fc.oneof(...variants);
}
