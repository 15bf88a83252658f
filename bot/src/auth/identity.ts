/**
 * Who is calling the API: a user in a tenant, taken only from a verified token.
 * `mode` says which sign-in produced it, so the UI and logs can flag dev identities.
 */
export interface Identity {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  /**
   * Names the user signs in or is addressed by, lower-cased, when known: from a token its UPN; in the
   * bot the UPN and directory mail from the chat's member list. They match roster people entered by
   * e-mail only (`findPersonByUser`).
   */
  readonly logins?: readonly string[];
  readonly mode: "entra" | "dev";
}

/**
 * Any authentication failure. The API maps `code` to the domain error `unauthenticated` (401);
 * `reason` is a short internal explanation for logs and must never be sent to the client.
 */
export class AuthError extends Error {
  readonly code = "unauthenticated" as const;
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super("unauthenticated", options);
    this.name = "AuthError";
    this.reason = reason;
  }
}

/** Turns a failure from a JWT library into an AuthError, keeping only its code as the reason. */
export function toAuthError(error: unknown, prefix: string): AuthError {
  if (error instanceof AuthError) return error;
  const code = typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : "ERR_UNKNOWN";
  return new AuthError(`${prefix}: ${code}`, { cause: error });
}

/** Reads a claim as a non-empty string, or undefined. */
export function stringClaim(payload: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
