import { STATUS_CODES } from 'node:http';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * An error answer as RFC 9457 problem details. The platform's own members (statusCode, message,
 * errors[], code...) stay as they were, so clients reading them keep working; the standard members
 * are added beside them for clients that speak problem+json.
 */
export function problemDetails(status: number, body: Record<string, unknown>): Record<string, unknown> {
  const title = STATUS_CODES[status] ?? 'Error';
  const message = body.message ?? title;
  const detail = Array.isArray(message) ? message.join('; ') : String(message);
  const problem: Record<string, unknown> = { type: 'about:blank', title, status, detail, ...body, statusCode: status, message };
  // Every 400 lists what was wrong; refusals raised before validation (unparsable JSON, a badly
  // encoded path) concern the request as a whole.
  if (status === 400 && !Array.isArray(problem.errors)) problem.errors = [{ field: 'request', rule: 'malformed', message: detail }];
  return problem;
}
