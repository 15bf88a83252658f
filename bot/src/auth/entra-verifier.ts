import { createRemoteJWKSet, jwtVerify } from "jose";
import { AuthError, stringClaim, toAuthError, type Identity } from "./identity";

/** Microsoft's multi-tenant signing keys. */
export const defaultEntraJwksUrl = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/** Settings for verifying Entra ID (Teams SSO) access tokens; the config module supplies them. */
export interface EntraVerifierOptions {
  /** The app registration's client id; always accepted as an audience (v2 tokens carry it). */
  readonly clientId: string;
  /** Accepted `aud` values, e.g. `api://<domain>/<clientId>` for Teams SSO. */
  readonly audiences: readonly string[];
  /** Tenants allowed to call the API; undefined means any tenant (multi-tenant app). */
  readonly allowedTenants?: readonly string[];
  /** Where to fetch signing keys; defaults to {@link defaultEntraJwksUrl}. */
  readonly jwksUrl?: string;
  /** Allowed clock skew for `exp` and `nbf`, in seconds; defaults to 60. */
  readonly clockToleranceSec?: number;
}

/** Verifies a bearer token and returns the identity it proves. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

/** The two issuer shapes Entra uses (v2 and v1 tokens), bound to the token's own tenant. */
function issuersFor(tenantId: string): readonly string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** Refuses plain-HTTP key URLs except on the loopback interface (local tests). */
function parseJwksUrl(value: string): URL {
  const url = new URL(value);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new Error(`Entra JWKS URL must use https: ${value}`);
  }
  return url;
}

/**
 * Builds a verifier for Entra ID access tokens (Teams SSO): RS256 signature against the tenant
 * keys (fetched and cached by jose; an unknown `kid` triggers a rate-limited refetch), audience,
 * expiry, the multi-tenant issuer rule, the tenant allow-list, and a delegated user (`scp`, `oid`).
 */
export function createEntraVerifier(options: EntraVerifierOptions): TokenVerifier {
  if (!options.clientId) throw new Error("Entra verifier needs a client id");
  const audiences = [...new Set([...options.audiences, options.clientId])];
  const allowedTenants = options.allowedTenants?.map((tenant) => tenant.toLowerCase());
  if (allowedTenants?.length === 0) throw new Error("Entra allowedTenants must not be empty when set");
  const keys = createRemoteJWKSet(parseJwksUrl(options.jwksUrl ?? defaultEntraJwksUrl));
  const clockTolerance = options.clockToleranceSec ?? 60;

  return {
    async verify(token) {
      let payload: Readonly<Record<string, unknown>>;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ["RS256"],
          audience: audiences,
          clockTolerance,
          requiredClaims: ["exp", "iss", "tid", "oid"],
        }));
      } catch (error) {
        throw toAuthError(error, "entra");
      }

      const tenantId = stringClaim(payload, "tid");
      const userId = stringClaim(payload, "oid");
      if (!tenantId || !userId) throw new AuthError("entra: tid or oid missing");
      if (!issuersFor(tenantId).includes(String(payload.iss))) throw new AuthError("entra: issuer does not match tid");
      if (allowedTenants && !allowedTenants.includes(tenantId.toLowerCase())) {
        throw new AuthError("entra: tenant not allowed");
      }
      // App-only (client-credentials) tokens carry no `scp`; only a signed-in user may call the API.
      if (!stringClaim(payload, "scp")) throw new AuthError("entra: not a delegated user token");

      const name = stringClaim(payload, "name") ?? stringClaim(payload, "preferred_username") ?? stringClaim(payload, "upn") ?? "";
      const login = (stringClaim(payload, "upn") ?? stringClaim(payload, "preferred_username"))?.toLowerCase();
      return { tenantId, userId, name, mode: "entra", ...(login && { logins: [login] }) };
    },
  };
}
