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

/** The characters any store's token is spelled with: what a request DTO checks before the store reads the token. */
export const POSITION_TOKEN_PATTERN = /^[0-9A-Za-z:/._-]{1,64}$/;

/** The one schema every position in the contract refers to (components.schemas.PositionToken). */
export const POSITION_TOKEN_SCHEMA: SchemaObject = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[0-9A-Za-z:/._-]+$',
  description:
    '事件库中的位置令牌（不透明）：可比较是否相等与先后（同一事件库给出的两个令牌按字符串逐字比较，较大者位置较后），或原样作为 asOf 传回；不可做算术 ' +
    '(an opaque event-store position: compare for equality and for order — of two tokens from one store, the greater in plain string order is the later — or pass back as asOf; no arithmetic. ' +
    'Embedded store: 16 digits, 0000000000012345; KurrentDB: C: and 16 digits, C:0000000000004096. Forms issued before are still taken back: bare digits, 12345, and C:<commit>/P:<prepare>)',
  example: '0000000000012345',
};
export const POSITION_TOKEN_REF = '#/components/schemas/PositionToken';
export const positionToken = (): SchemaObject => ({ $ref: POSITION_TOKEN_REF }) as SchemaObject;
/** OpenAPI 3.0 ignores `nullable` beside a $ref: null is the second choice instead. */
export const positionTokenOrNull = (): SchemaObject => ({ anyOf: [positionToken(), { type: 'string', nullable: true, enum: [null] }] });

/** What places a stored event (its position, id, stream and type): the first fields of every list of whole events. */
export const storedEventHead = (): Properties => ({
  position: positionToken(),
  eventId: str(),
  streamId: str(),
  streamRevision: numOrNull(),
  type: str(),
  schemaVersion: numOrNull(),
});
