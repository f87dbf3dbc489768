import type { SchemaObject } from '@nestjs/swagger';

/*
 * The pieces hand-declared answer schemas are written in: one field a line, the JSON Schema spelled once here.
 * Each call returns a fresh object, so a document generator that annotates a schema never touches another's.
 * `extra` carries what the type alone does not say (enum, description, required, minimum…).
 */
type Extra = Omit<SchemaObject, 'type' | 'items' | 'properties'>;
type Properties = Record<string, SchemaObject>;

const scalar = (type: 'string' | 'number' | 'integer' | 'boolean', nullable: boolean) => (extra?: Extra): SchemaObject =>
  nullable ? { type, ...extra, nullable: true } : { type, ...extra };

export const str = scalar('string', false);
export const strOrNull = scalar('string', true);
export const num = scalar('number', false);
export const numOrNull = scalar('number', true);
export const int = scalar('integer', false);
export const intOrNull = scalar('integer', true);
export const bool = scalar('boolean', false);
export const boolOrNull = scalar('boolean', true);

export const arr = (items: SchemaObject, extra?: Extra): SchemaObject => ({ type: 'array', items, ...extra });
export const arrOrNull = (items: SchemaObject, extra?: Extra): SchemaObject => ({ type: 'array', items, ...extra, nullable: true });

export const obj = (properties?: Properties, extra?: Extra): SchemaObject => ({ type: 'object', ...(properties && { properties }), ...extra });
export const objOrNull = (properties?: Properties, extra?: Extra): SchemaObject => ({ ...obj(properties, extra), nullable: true });
