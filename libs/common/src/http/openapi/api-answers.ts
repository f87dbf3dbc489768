import { applyDecorators, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE } from '../problem-details';
import { CommandAnswer, ErrorAnswer } from './answer-schemas';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

const ERROR_ANSWERS: Record<ErrorStatus, { description: string; required?: string[] }> = {
  400: { description: '输入无效：errors[] 列出字段与规则，未写入任何数据 (bad input: every field and rule in errors[])', required: ['errors'] },
  401: { description: '未登录或令牌无效 (not signed in)' },
  403: { description: '角色无权，或写操作超出管辖范围 (role not allowed, or a write outside the scope)' },
  404: { description: '资源不存在或无权查看（二者不可区分） (not found, or a read outside the scope)' },
  409: { description: '数据已被他人修改（If-Match 版本过期，code=revision_conflict） (stale If-Match revision)', required: ['code'] },
  413: { description: '请求体过大 (body too large)' },
  422: { description: '业务规则拒绝，code 为稳定的原因代码 (a business rule refused; code names it)', required: ['code'] },
  429: { description: '请求过于频繁，请稍后再试 (rate limited)' },
  503: { description: '哈希链断裂，管理员确认前暂停写入（code=chain_broken） (the hash chain is broken; writes wait for an administrator)', required: ['code'] },
};

/** The shared error schema, narrowed to what a given status always carries. */
export function errorSchema(status: ErrorStatus): Record<string, unknown> {
  const required = ERROR_ANSWERS[status].required;
  const ref = { $ref: getSchemaPath(ErrorAnswer) };
  return required ? { allOf: [ref, { type: 'object', required }] } : ref;
}

/** Documents error answers with the shared schema under the problem media type. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_ANSWERS[status].description, content: { [PROBLEM_MEDIA_TYPE]: { schema: errorSchema(status) } } }),
    ),
  );

export const BEARER = 'bearer';


/**
 * What an access rule implies for the contract: who must send a token, and the refusals the
 * guard and the pipes can give before the handler runs. Applied by @Access, so no route repeats it.
 */
export function ApiAccess(rule: { readonly roles: readonly string[]; readonly mode: 'read' | 'write' }): MethodDecorator {
  const isPublic = rule.roles.includes('public');
  const signedInToo = rule.roles.some((r) => r !== 'public');
  // A malformed or expired token is refused even where none is needed.
  const statuses: ErrorStatus[] = [400, 401];
  if (signedInToo) statuses.push(403);
  // A reader outside the scope gets 404 just like a missing resource; a public read can be missing too.
  statuses.push(404);
  if (rule.mode === 'write') statuses.push(413, 429, 503);
  // Public routes need no token: `security: [{}]`, the one requirement that asks for nothing
  // (swagger drops an empty list). A token that is sent anyway is still checked, hence their 401.
  const security = isPublic ? ApiSecurity({}) : ApiBearerAuth(BEARER);
  return applyDecorators(security, ApiErrors(...statuses));
}

const COMMAND_HEADERS = [
  ApiHeader({ name: 'If-Match', required: false, description: '期望的流版本号，如 "3"；过期则 409 (the stream revision the client saw)', schema: { type: 'string', pattern: '^(?:W/)?"?-?\\d{1,15}"?$' } }),
  ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试同一命令时使用同一键，只写一次 (a retry with the same key writes once)', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } }),
  ApiHeader({ name: 'X-Correlation-Id', required: false, description: '关联标识，写入事件元数据 (correlation id kept on the events)', schema: { type: 'string', maxLength: 200 } }),
];

/**
 * Applied through the @Command() parameter decorator: every command takes the command headers,
 * answers 201 with the streams it moved, and can be refused by the store (409) or the decider (422).
 * A command answering something else declares its own 201 after this one.
 */
export function documentCommand(target: object, key: string | symbol | undefined): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  applyDecorators(
    ...COMMAND_HEADERS,
    ApiCreatedResponse({
      type: CommandAnswer,
      description: '已记录；ETag 为新的流版本号 (recorded; ETag carries the new stream revision)',
      headers: {
        ETag: { description: '新的流版本号，下一条命令的 If-Match (the new revision)', schema: { type: 'string' } },
        'Idempotent-Replayed': { description: 'true 表示幂等重放 (a replay of an earlier command)', schema: { type: 'string', enum: ['true'] } },
      },
    }),
    ApiErrors(409, 422),
  )(target, key, descriptor);
}

/** A streamed export: an xlsx workbook or a UTF-8 CSV, as the format parameter asks. */
export const ApiSpreadsheetAnswer = () =>
  ApiResponse({
    status: 200,
    description: '导出文件（中文表头），文件名见 Content-Disposition (the export file)',
    headers: { 'Content-Disposition': { description: 'attachment; filename*=UTF-8\'\'…', schema: { type: 'string' } } },
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
    },
  });

/** A typical request body, shown in the document and checked against the schema by the linter. */
export const ApiRequestExample = (type: Type<unknown>, summary: string, value: Record<string, unknown>) =>
  ApiBody({ type, examples: { typical: { summary, value } } });
