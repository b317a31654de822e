/**
 * The one error type of Tokenward. Expected failures are AppErrors whose message is safe to show;
 * anything else is logged server-side and reaches the client as INTERNAL with a generic message.
 */

export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  FORBIDDEN: { status: 403, message: "Your role does not allow this." },
  VALIDATION: { status: 400, message: "The input is not valid." },
  NOT_FOUND: { status: 404, message: "Not found." },
  CONFLICT: { status: 409, message: "This conflicts with the current state." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Try again shortly." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  TIMEOUT: { status: 503, message: "The query took too long and was stopped. Narrow the filters and try again." },
  INTERNAL: { status: 500, message: "Something went wrong on our side. It has been logged." },
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export type TFieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fieldErrors?: TFieldErrors;
  /** For RATE_LIMITED: when to try again (route handlers send it as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(code: TErrorCode, message?: string, options?: { fieldErrors?: TFieldErrors; cause?: unknown; retryAfterSeconds?: number }) {
    super(message ?? ERROR_CODES[code].message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** What crosses to the browser: code, a safe message, field errors. Never a stack or cause. */
export type TPublicError = { code: TErrorCode; message: string; fieldErrors?: TFieldErrors };

export function toPublicError(error: AppError): TPublicError {
  return error.fieldErrors
    ? { code: error.code, message: error.message, fieldErrors: error.fieldErrors }
    : { code: error.code, message: error.message };
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
