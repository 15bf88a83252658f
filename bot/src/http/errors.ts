import { domainErrorMessages, type DomainError, type DomainErrorCode, type ErrorResponse } from "@paragraf/shared";
import { ConcurrencyConflictError, BodyVersionConflictError } from "@paragraf/shared";
import type { FastifyError } from "fastify";
import { ZodError } from "zod";

/** A domain error thrown through the HTTP layer; mapped to its status by `toErrorResponse`. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
    this.name = "DomainFailure";
  }
}

/** Throws the domain error of a failed Result. */
export function failWith(code: DomainErrorCode, details?: Record<string, unknown>): never {
  throw new DomainFailure(details ? { code, details } : { code });
}

/** Builds the error body for a code. */
export function errorBody(code: DomainErrorCode, details?: Record<string, unknown>): ErrorResponse {
  const m = domainErrorMessages[code];
  return { error: { code, message: { sv: m.sv, en: m.en }, ...(details ? { details } : {}) } };
}

const fastifyCodes: Record<string, DomainErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payloadTooLarge",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupportedMediaType",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation",
  FST_ERR_CTP_EMPTY_JSON_BODY: "validation",
  FST_ERR_CTP_INVALID_JSON_BODY: "validation",
  FST_ERR_BAD_URL: "validation",
  FST_ERR_ASYNC_CONSTRAINT: "validation",
};

/** Maps any thrown value to an HTTP status and an error body; unknown errors become 500 internal. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorResponse; internal: boolean } {
  const make = (code: DomainErrorCode, details?: Record<string, unknown>) => ({
    status: domainErrorMessages[code].status, body: errorBody(code, details), internal: code === "internal",
  });
  if (err instanceof DomainFailure) return make(err.error.code, err.error.details as Record<string, unknown> | undefined);
  if (err instanceof ZodError) {
    return make("validation", { issues: err.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
  }
  if (err instanceof ConcurrencyConflictError) return make("conflict", { currentSeq: err.currentSeq });
  if (err instanceof BodyVersionConflictError) return make("conflict", { currentVersion: err.currentVersion });
  if (err && typeof err === "object" && (err as { name?: string }).name === "AuthError") return make("unauthenticated");
  const fe = err as Partial<FastifyError> | undefined;
  if (fe?.code && fastifyCodes[fe.code]) return make(fastifyCodes[fe.code] as DomainErrorCode);
  if (err instanceof SyntaxError) return make("validation");
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return make(fe.statusCode === 413 ? "payloadTooLarge" : fe.statusCode === 415 ? "unsupportedMediaType" : "validation");
  }
  return make("internal");
}
