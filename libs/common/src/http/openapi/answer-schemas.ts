import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POSITION_TOKEN_REF } from './schema-pieces';

export class FieldErrorAnswer {
  @ApiProperty({ description: '出错的字段（嵌套用点号，如 excused.0.count） (field path)', example: 'unitId' })
  field!: string;

  @ApiProperty({ description: '违反的规则 (the rule broken)', example: 'matches' })
  rule!: string;

  @ApiProperty({ description: '中文说明 (message)', example: 'unitId 只能包含字母、数字、- 和 _，最长 64 位' })
  message!: string;
}

/** One schema for every 4xx/5xx answer; the status-specific answers below only narrow what is required. */
export class ErrorAnswer {
  @ApiProperty({ description: 'RFC 9457: a URI naming the problem type; about:blank when the status says it all', example: 'about:blank' })
  type!: string;

  @ApiProperty({ description: 'RFC 9457: the status phrase', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ description: 'RFC 9457: the HTTP status', type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiProperty({ description: 'RFC 9457: what went wrong, in Chinese with the English beside', example: 'unitId: unitId 只能包含字母、数字、- 和 _，最长 64 位' })
  detail!: string;

  @ApiProperty({ description: 'The HTTP status (same as status; kept for existing clients)', type: 'integer', minimum: 400, maximum: 599 })
  statusCode!: number;

  @ApiPropertyOptional({ description: 'The status phrase (same as title; kept for existing clients)' })
  error?: string;

  @ApiProperty({
    description: 'One message, or one per broken rule on a 400',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  message!: string | string[];

  @ApiPropertyOptional({ description: '400: every field and the rule it broke', type: () => [FieldErrorAnswer] })
  errors?: FieldErrorAnswer[];

  @ApiPropertyOptional({ description: '409/422: a stable machine-readable reason, e.g. revision_conflict, parent_not_found', example: 'revision_conflict' })
  code?: string;

  @ApiPropertyOptional({ description: '422: facts behind the refusal', type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '409 revision_conflict: the revision sent in If-Match', type: 'integer' })
  expected?: number;

  @ApiPropertyOptional({ description: '409 revision_conflict: the stream revision now', type: 'integer' })
  actual?: number;
}

export class StreamOutcomeAnswer {
  @ApiProperty({ example: 'problem-p-001' })
  streamId!: string;

  @ApiProperty({ description: '命令后的流版本号，下一条命令可作 If-Match (the revision to send as If-Match next)', type: 'integer', minimum: 0 })
  revision!: number;
}

/** What every command answers: the streams it moved and the events it appended. */
export class CommandAnswer {
  @ApiProperty({ type: () => [StreamOutcomeAnswer] })
  streams!: StreamOutcomeAnswer[];

  @ApiProperty({ description: '所写事件的位置令牌 (the appended events’ position tokens)', type: 'array', items: { $ref: POSITION_TOKEN_REF } })
  positions!: string[];

  @ApiProperty({ type: 'string', isArray: true })
  eventIds!: string[];

  @ApiProperty({ type: 'string', isArray: true, example: ['ProgressRecorded'] })
  eventTypes!: string[];

  @ApiProperty({ description: '幂等重放：与先前相同 Idempotency-Key 的首次结果，未写入新事件 (replay of an earlier command)' })
  replayed!: boolean;
}
