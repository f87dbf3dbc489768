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
import type { Response } from 'express';
import { PROBLEM_MEDIA_TYPE, problemDetails } from './problem-details';

/** Maps domain and store errors to HTTP answers; anything unknown is a 500 that reveals nothing. */
@Catch()
export class PlatformErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    // A refused write while the chain is broken is expected, and ChainIntegrity has raised the alarm once.
    if (status >= 500 && !(error instanceof ChainBrokenError)) this.logger.error(error instanceof Error ? error.stack : String(error));
    res.status(status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problemDetails(status, body)));
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
      // The parser's type (entity.parse.failed, entity.too.large...) is the rule the body broke.
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
