import { ApiProperty } from '@nestjs/swagger';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, IS_ISO8601, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

type Schema = Record<string, unknown> & { $ref?: string; type?: string; items?: Schema; pattern?: string; format?: string };

// class-transformer keeps its @Type() storage out of its public entry; @nestjs/swagger reads it the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';
const REF_PREFIX = '#/components/schemas/';
const described = new WeakSet<object>();

/** What a class-validator rule means as a schema, where the library's default does not say it right. */
const CONVERTERS: ISchemaConverters = {
  // ISO 8601 (strict) takes a calendar day or an instant; a calendar-day pattern beside it narrows it to a date below.
  [IS_ISO8601]: { anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] },
  // "Defined" is what `required` already says; the library's `not: { type: 'null' }` is not OpenAPI 3.0.
  [ValidationTypes.IS_DEFINED]: {},
};

/**
 * Gives every class-validator-decorated class (request bodies, query and path parameter classes)
 * the OpenAPI property metadata its validators imply, so the document describes exactly what the
 * pipe accepts and cannot drift from it. A property that already carries @ApiProperty keeps it.
 * Answers the names of the classes it describes.
 */
export function describeValidatedClasses(): Set<string> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown[]> };
  const classes = [...storage.validationMetadatas.keys()].filter((c): c is new () => unknown => typeof c === 'function' && c.name !== '');
  const byName = new Map(classes.map((c) => [c.name, c]));
  const refTo = (ref: string) => byName.get(ref.slice(REF_PREFIX.length));
  for (const target of classes) {
    if (described.has(target)) continue;
    described.add(target);
    const schema = targetConstructorToSchema(target, {
      classTransformerMetadataStorage: defaultMetadataStorage,
      refPointerPrefix: REF_PREFIX,
      additionalConverters: CONVERTERS,
    }) as { properties?: Record<string, Schema>; required?: string[] };
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      if (Reflect.hasOwnMetadata(SWAGGER_PROPERTY, target.prototype as object, name)) continue;
      ApiProperty({ ...toPropertyOptions(raw, refTo), required: schema.required?.includes(name) ?? false })(target.prototype as object, name);
    }
  }
  return new Set(byName.keys());
}

function toPropertyOptions(raw: Schema, refTo: (ref: string) => Function | undefined): Record<string, unknown> {
  const { $ref, items, ...rest } = raw;
  if ($ref && refTo($ref)) return { ...rest, type: () => refTo($ref) };
  if (rest.type === 'array' && items?.$ref && refTo(items.$ref)) return { ...rest, type: () => refTo(items.$ref!), isArray: true };
  // A custom rule applied with `each` (e.g. NoControlCharacters) makes the library point the items at
  // the property's own type (`Array`), which is no schema: the item keeps its other constraints.
  const item = items?.$ref && !refTo(items.$ref) ? (({ $ref: _, ...i }) => i)(items) : items;
  const own: Record<string, unknown> = item ? { ...rest, items: item } : { ...rest };
  if (own.anyOf && typeof own.pattern === 'string' && own.pattern.includes('\\d{4}-\\d{2}-\\d{2}$')) {
    delete own.anyOf;
    Object.assign(own, { type: 'string', format: 'date' });
  }
  return own;
}
