/**
 * A business rule refused the command. `code` is stable for clients; `message` is shown to
 * users (Chinese first, so the UI can show it as is).
 */
export class DomainRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainRuleError';
  }
}

export function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainRuleError(code, message, details);
}
