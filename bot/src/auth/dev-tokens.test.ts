import { afterEach, describe, expect, it, vi } from "vitest";
import { SignJWT } from "jose";
import { assertDevModeAllowed, createDevTokenIssuer } from "./dev-tokens";
import { AuthError } from "./identity";

const secret = new TextEncoder().encode("a-local-dev-secret-of-at-least-32-bytes!");
const otherSecret = new TextEncoder().encode("another-dev-secret-that-is-32-bytes-long");
const tenantId = "dev-tenant";
const anna = { userId: "dev-anna", name: "Anna Andersson" };

afterEach(() => vi.useRealTimers());

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).reason;
}

describe("createDevTokenIssuer", () => {
  it("verifies the tokens it mints", async () => {
    const issuer = createDevTokenIssuer({ secret, tenantId });
    const identity = await issuer.verify(await issuer.mint(anna));
    expect(identity).toEqual({ tenantId, userId: "dev-anna", name: "Anna Andersson", mode: "dev" });
  });

  it("rejects a token from another dev secret", async () => {
    const token = await createDevTokenIssuer({ secret: otherSecret, tenantId }).mint(anna);
    expect(await reasonOf(createDevTokenIssuer({ secret, tenantId }).verify(token))).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it("rejects an expired token", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const issuer = createDevTokenIssuer({ secret, tenantId, ttlSec: 60 });
    const token = await issuer.mint(anna);
    vi.advanceTimersByTime(61_000);
    expect(await reasonOf(issuer.verify(token))).toMatch(/ERR_JWT_EXPIRED/);
  });

  it("rejects a token for another dev tenant signed with the same secret", async () => {
    const token = await createDevTokenIssuer({ secret, tenantId: "other-tenant" }).mint(anna);
    expect(await reasonOf(createDevTokenIssuer({ secret, tenantId }).verify(token))).toBe("dev: wrong tenant");
  });

  it("rejects a token with the wrong issuer or audience", async () => {
    const issuer = createDevTokenIssuer({ secret, tenantId });
    const sign = (iss: string, aud: string) => new SignJWT({ tid: tenantId }).setProtectedHeader({ alg: "HS256" })
      .setIssuer(iss).setAudience(aud).setSubject("dev-anna").setExpirationTime("1h").sign(secret);
    expect(await reasonOf(issuer.verify(await sign("someone-else", "paragraf-dev-api")))).toMatch(/ERR_JWT_CLAIM_VALIDATION_FAILED/);
    expect(await reasonOf(issuer.verify(await sign("paragraf-dev", "other-api")))).toMatch(/ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it("refuses a short secret and an empty user id", async () => {
    expect(() => createDevTokenIssuer({ secret: new Uint8Array(31), tenantId })).toThrow(/32 bytes/);
    await expect(createDevTokenIssuer({ secret, tenantId }).mint({ userId: "", name: "x" })).rejects.toThrow(/user id/);
  });
});

describe("assertDevModeAllowed", () => {
  it("allows dev mode in development without Entra", () => {
    expect(() => assertDevModeAllowed({ nodeEnv: "development", entraConfigured: false })).not.toThrow();
    expect(() => assertDevModeAllowed({ entraConfigured: false })).not.toThrow();
  });

  it("refuses dev mode with NODE_ENV=production", () => {
    expect(() => assertDevModeAllowed({ nodeEnv: "production", entraConfigured: false })).toThrow(/NODE_ENV=production/);
  });

  it("refuses dev mode when Entra is configured", () => {
    expect(() => assertDevModeAllowed({ nodeEnv: "development", entraConfigured: true })).toThrow(/Entra ID settings/);
  });
});
