/** The platform's error body: a message per failed rule, with the field it concerns. */
export interface ErrorBody {
  readonly statusCode?: number;
  readonly error?: string;
  readonly message?: string | string[];
  readonly errors?: readonly { readonly field: string; readonly rule?: string; readonly message: string }[];
}

/** A refused request, with what the page needs to explain it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(Array.isArray(body.message) ? body.message.join('；') : (body.message ?? `HTTP ${status}`));
  }

  /** Field errors keyed by the form's field name (`steps[0].note` → `steps`, as the form shows it). */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of this.body.errors ?? []) {
      const key = e.field.split(/[.[]/)[0];
      (out[key] ??= []).push(e.message);
    }
    return out;
  }
}

export type ErrorKind = 'fields' | 'conflict' | 'rule' | 'forbidden' | 'not_found' | 'offline' | 'server';

/** How a page explains a refusal: 409 and 422 are the two a user can act on. */
export function errorKind(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return 'offline';
  if (error.status === 400 && (error.body.errors?.length ?? 0) > 0) return 'fields';
  if (error.status === 409) return 'conflict';
  if (error.status === 422) return 'rule';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not_found';
  return error.status >= 500 ? 'server' : 'fields';
}

/**
 * Why a view's answer is missing, for the notice that stands in for it: the kinds a reader can do
 * nothing about get a sentence of the interface's; a refusal with a reason of its own keeps the server's words.
 */
export function failureReason(error: unknown): { readonly key: 'failedNotFound' | 'failedForbidden' | 'failedOffline' | 'failedServer' } | { readonly text: string } {
  switch (errorKind(error)) {
    case 'not_found':
      return { key: 'failedNotFound' };
    case 'forbidden':
      return { key: 'failedForbidden' };
    case 'offline':
      return { key: 'failedOffline' };
    case 'server':
      return { key: 'failedServer' };
    default:
      return { text: (error as ApiError).message };
  }
}

/** Throws ApiError for an error answer, else returns the body as the caller's type. */
export function unwrap<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ApiError(result.response.status, (result.error ?? {}) as ErrorBody);
  return result.data as T;
}
