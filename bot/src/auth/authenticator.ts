import { createDevTokenIssuer, assertDevModeAllowed, type DevIssuer, type DevTokenIssuerOptions } from "./dev-tokens";
import { createEntraVerifier, type EntraVerifierOptions, type TokenVerifier } from "./entra-verifier";
import { AuthError, type Identity } from "./identity";

/** Longest Authorization header or token accepted, in characters. */
export const maxAuthorizationLength = 8 * 1024;

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Settings for the API's authentication; exactly one of `entra` and `dev`. */
export interface AuthenticatorOptions {
  readonly entra?: EntraVerifierOptions;
  readonly dev?: DevTokenIssuerOptions;
  readonly nodeEnv?: string;
}

/** Turns a request's credentials into an Identity, or throws AuthError. */
export interface Authenticator {
  readonly mode: "entra" | "dev";
  /** Checks an `Authorization: Bearer <token>` header value. */
  authenticate(authorizationHeader: string | undefined): Promise<Identity>;
  /** Checks a bare token, e.g. from the live stream's query string (EventSource cannot set headers). */
  authenticateToken(token: string): Promise<Identity>;
  /** Present only in dev mode, for the dev sign-in route. */
  readonly devIssuer?: DevIssuer;
}

/** Extracts the token from a Bearer header, rejecting other schemes, empty and oversized values. */
function parseBearer(header: string | undefined): string {
  if (header === undefined || header.length === 0) throw new AuthError("header missing");
  if (header.length > maxAuthorizationLength) throw new AuthError("header too long");
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match?.[1]) throw new AuthError("not a bearer header");
  return match[1];
}

/**
 * Builds the authenticator for one mode, chosen once at startup. Throws when both or neither
 * mode is configured, or when dev sign-in is not allowed (production, Entra present).
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { entra, dev } = options;
  if (entra && dev) throw new Error("Configure either Entra ID or dev sign-in, not both.");

  let verifier: TokenVerifier;
  let devIssuer: DevIssuer | undefined;
  if (entra) {
    verifier = createEntraVerifier(entra);
  } else if (dev) {
    assertDevModeAllowed({ nodeEnv: options.nodeEnv, entraConfigured: false });
    devIssuer = createDevTokenIssuer(dev);
    verifier = devIssuer;
  } else {
    throw new Error("Configure Entra ID or dev sign-in.");
  }

  async function authenticateToken(token: string): Promise<Identity> {
    if (typeof token !== "string" || token.length === 0) throw new AuthError("token missing");
    if (token.length > maxAuthorizationLength) throw new AuthError("token too long");
    if (!jwtShape.test(token)) throw new AuthError("token malformed");
    return verifier.verify(token);
  }

  return {
    mode: entra ? "entra" : "dev",
    authenticate: async (header) => authenticateToken(parseBearer(header)),
    authenticateToken,
    ...(devIssuer ? { devIssuer } : {}),
  };
}
