import { createSecretKey } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { AuthError, stringClaim, toAuthError, type Identity } from "./identity";

const devIssuer = "paragraf-dev";
const devAudience = "paragraf-dev-api";

/** Settings for local dev sign-in; only used when Entra is not configured. */
export interface DevTokenIssuerOptions {
  /** HMAC key for HS256, at least 32 bytes. */
  readonly secret: Uint8Array;
  /** The single demo tenant every dev token belongs to. */
  readonly tenantId: string;
  /** Token lifetime in seconds; defaults to 8 hours. */
  readonly ttlSec?: number;
}

/** Mints and verifies locally signed tokens for demo users. */
export interface DevIssuer {
  mint(user: { userId: string; name: string }): Promise<string>;
  verify(token: string): Promise<Identity>;
}

/**
 * Builds the dev sign-in issuer: HS256 tokens with issuer `paragraf-dev` and audience
 * `paragraf-dev-api`, valid only for the configured dev tenant.
 */
export function createDevTokenIssuer(options: DevTokenIssuerOptions): DevIssuer {
  if (options.secret.byteLength < 32) throw new Error("Dev token secret must be at least 32 bytes");
  if (!options.tenantId) throw new Error("Dev token issuer needs a tenant id");
  // A KeyObject made once: given raw bytes, jose would import the HMAC key again on every sign and verify.
  const secret = createSecretKey(Buffer.from(options.secret));
  const ttlSec = options.ttlSec ?? 8 * 60 * 60;
  if (!Number.isInteger(ttlSec) || ttlSec <= 0) throw new Error("Dev token ttlSec must be a positive integer");

  return {
    async mint({ userId, name }) {
      if (!userId) throw new Error("Dev token needs a user id");
      return new SignJWT({ tid: options.tenantId, name })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(devIssuer)
        .setAudience(devAudience)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSec}s`)
        .sign(secret);
    },

    async verify(token) {
      let payload: Readonly<Record<string, unknown>>;
      try {
        ({ payload } = await jwtVerify(token, secret, {
          algorithms: ["HS256"],
          issuer: devIssuer,
          audience: devAudience,
          requiredClaims: ["exp", "sub", "tid"],
        }));
      } catch (error) {
        throw toAuthError(error, "dev");
      }
      const userId = stringClaim(payload, "sub");
      if (!userId) throw new AuthError("dev: sub missing");
      if (payload.tid !== options.tenantId) throw new AuthError("dev: wrong tenant");
      return { tenantId: options.tenantId, userId, name: stringClaim(payload, "name") ?? "", mode: "dev" };
    },
  };
}

/**
 * Throws when dev sign-in would be enabled where it must be impossible: in production or
 * alongside Entra settings. Call it before creating a dev issuer.
 */
export function assertDevModeAllowed(options: { nodeEnv?: string; entraConfigured: boolean }): void {
  if (options.nodeEnv === "production") {
    throw new Error("Dev sign-in cannot be enabled with NODE_ENV=production; configure Entra ID instead.");
  }
  if (options.entraConfigured) {
    throw new Error("Dev sign-in cannot be enabled while Entra ID settings are present; remove the dev settings.");
  }
}
