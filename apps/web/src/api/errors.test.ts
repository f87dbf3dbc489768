import { describe, expect, it } from 'vitest';
import { ApiError, errorKind, failureReason, unwrap } from './errors';

describe('ApiError', () => {
  it('groups field errors by the form field they belong to', () => {
    const e = new ApiError(400, {
      message: ['evidence: 长度须为 1–5000', 'excused[0].count: 须为整数'],
      errors: [
        { field: 'evidence', rule: 'length', message: '长度须为 1–5000' },
        { field: 'excused[0].count', rule: 'isInt', message: '须为整数' },
        { field: 'excused.1.reason', rule: 'length', message: '不能为空' },
      ],
    });
    expect(e.fieldErrors()).toEqual({ evidence: ['长度须为 1–5000'], excused: ['须为整数', '不能为空'] });
    expect(e.message).toBe('evidence: 长度须为 1–5000；excused[0].count: 须为整数');
  });

  it('tells a conflict, a refused rule and a field error apart; anything that is not an answer is offline', () => {
    expect(errorKind(new ApiError(409, { message: 'revision' }))).toBe('conflict');
    expect(errorKind(new ApiError(422, { message: '必做步骤未完成' }))).toBe('rule');
    expect(errorKind(new ApiError(400, { errors: [{ field: 'x', message: 'y' }] }))).toBe('fields');
    expect(errorKind(new ApiError(503, {}))).toBe('server');
    expect(errorKind(new TypeError('Failed to fetch'))).toBe('offline');
  });

  it('says why a view is missing in the interface’s words, or the server’s where it gave a reason of its own', () => {
    expect(failureReason(new ApiError(404, { message: 'Not Found' }))).toEqual({ key: 'failedNotFound' });
    expect(failureReason(new ApiError(403, { message: 'Forbidden' }))).toEqual({ key: 'failedForbidden' });
    expect(failureReason(new ApiError(502, {}))).toEqual({ key: 'failedServer' });
    expect(failureReason(new TypeError('Failed to fetch'))).toEqual({ key: 'failedOffline' });
    expect(failureReason(new ApiError(400, { message: 'asOf 须为事件位置或时间' }))).toEqual({ text: 'asOf 须为事件位置或时间' });
  });

  it('unwrap returns the body of a success and throws the error body of a refusal', () => {
    expect(unwrap<{ a: number }>({ data: { a: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ a: 1 });
    expect(() => unwrap({ error: { message: '无权' }, response: new Response(null, { status: 403 }) })).toThrow('无权');
  });
});
