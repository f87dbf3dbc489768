import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainRuleError } from '@platform/domain';
import {
  ChainAcknowledgementError,
  ChainBrokenError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  PartialDuplicateError,
  WrongExpectedRevisionError,
} from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import { PROBLEM_MEDIA_TYPE, problemDetails } from './problem-details';

const ANSWER_HEADERS = Symbol('answer headers');

/** An exception whose answer carries these headers too (Retry-After on a refusal to retry later). */
export function withHeaders<E extends HttpException>(error: E, headers: Record<string, string>): E {
  return Object.assign(error, { [ANSWER_HEADERS]: headers });
}

/** Maps domain and store errors to HTTP answers; anything unknown is a 500 that reveals nothing. */
@Catch()
export class PlatformErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = this.describe(error);
    // A refused write while the chain is broken is expected, and ChainIntegrity has raised the alarm once.
    if (status >= 500 && !(error instanceof ChainBrokenError)) this.logger.error(error instanceof Error ? error.stack : String(error));
    const text = JSON.stringify(problemDetails(status, body));
    const headers = (error as { [ANSWER_HEADERS]?: Record<string, string> } | null)?.[ANSWER_HEADERS] ?? {};
    // An answer taken over to be streamed (an export): cut off once it has begun, else answered on Node's response.
    if (res.raw.headersSent) return void res.raw.destroy();
    if (res.sent) return void res.raw.writeHead(status, { ...headers, 'content-type': PROBLEM_MEDIA_TYPE }).end(text);
    res.headers(headers).status(status).type(PROBLEM_MEDIA_TYPE).send(text);
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof HttpException) {
      const r = error.getResponse();
      return [error.getStatus(), typeof r === 'string' ? { statusCode: error.getStatus(), message: r } : (r as Record<string, unknown>)];
    }
    if (error instanceof DomainRuleError) {
      return [422, { statusCode: 422, error: 'Unprocessable Entity', code: error.code, message: error.message, details: error.details }];
    }
    if (error instanceof WrongExpectedRevisionError) {
      return [
        409,
        {
          statusCode: 409,
          error: 'Conflict',
          code: 'revision_conflict',
          message: `数据已被他人修改，请刷新后重试 (expected revision ${String(error.expected)}, actual ${error.actual})`,
          expected: error.expected,
          actual: error.actual,
        },
      ];
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return [422, { statusCode: 422, error: 'Unprocessable Entity', code: 'idempotency_key_reused', message: IDEMPOTENCY_KEY_REUSED }];
    }
    if (error instanceof PartialDuplicateError) {
      return [409, { statusCode: 409, error: 'Conflict', code: 'duplicate_event', message: error.message }];
    }
    if (error instanceof ChainBrokenError) {
      return [503, { statusCode: 503, error: 'Service Unavailable', code: 'chain_broken', message: error.message, position: error.position }];
    }
    if (error instanceof ChainAcknowledgementError) {
      return [422, { statusCode: 422, error: 'Unprocessable Entity', code: error.code, message: error.message, brokenAt: error.brokenAt }];
    }
    if (error instanceof InvalidAppendError) {
      return [400, { statusCode: 400, error: 'Bad Request', message: [error.message], errors: [] }];
    }
    if (isBodyParserError(error)) {
      // The parser's type (entity.parse.failed, entity.too.large, entity.too.deep; see json-body.ts) is the rule the body broke.
      const errors = [{ field: 'body', rule: error.type, message: error.message }];
      return [error.status, { statusCode: error.status, error: STATUS_CODES[error.status], message: [`body: ${error.message}`], errors }];
    }
    return [500, { statusCode: 500, error: 'Internal Server Error', message: '服务器内部错误 (internal error)' }];
  }
}

const IDEMPOTENCY_KEY_REUSED = 'Idempotency-Key 已用于另一个不同的请求 (key reused with a different request)';

function isBodyParserError(e: unknown): e is { status: number; type: string; message: string } {
  const s = (e as { status?: unknown; type?: unknown })?.status;
  return typeof s === 'number' && s >= 400 && s < 500 && typeof (e as { type?: unknown }).type === 'string';
}
