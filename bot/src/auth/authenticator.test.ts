import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator, maxAuthorizationLength, type Authenticator } from "./authenticator";
import { createDevTokenIssuer, type DevTokenIssuerOptions } from "./dev-tokens";
import type { EntraVerifierOptions } from "./entra-verifier";
import { AuthError } from "./identity";
import {
  createSigningKey, signTeamsToken, startJwksServer, testAppIdUri, testClientId, testTenant, testUser,
  type TestJwksServer, type TestSigningKey,
} from "./test-jwks-server";

const dev: DevTokenIssuerOptions = { secret: new TextEncoder().encode("a-local-dev-secret-of-at-least-32-bytes!"), tenantId: "dev-tenant" };
let key: TestSigningKey;
let server: TestJwksServer;
let entra: EntraVerifierOptions;
let entraAuth: Authenticator;
let devAuth: Authenticator;

beforeAll(async () => {
  key = await createSigningKey("key-1");
  server = await startJwksServer([key]);
  entra = { clientId: testClientId, audiences: [testAppIdUri], jwksUrl: server.url };
  entraAuth = createAuthenticator({ entra, nodeEnv: "production" });
  devAuth = createAuthenticator({ dev, nodeEnv: "development" });
});
afterAll(() => server.close());

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).reason;
}

describe("createAuthenticator", () => {
  it("refuses both modes, neither mode, and dev mode in production", () => {
    expect(() => createAuthenticator({ entra, dev })).toThrow(/not both/);
    expect(() => createAuthenticator({})).toThrow(/Configure Entra ID or dev sign-in/);
    expect(() => createAuthenticator({ dev, nodeEnv: "production" })).toThrow(/NODE_ENV=production/);
  });

  it("authenticates a Teams SSO bearer token in Entra mode, with any scheme casing", async () => {
    const token = await signTeamsToken(key);
    expect(entraAuth.mode).toBe("entra");
    expect(entraAuth.devIssuer).toBeUndefined();
    await expect(entraAuth.authenticate(`Bearer ${token}`)).resolves.toEqual({
      tenantId: testTenant, userId: testUser, name: "Anna Andersson", mode: "entra", logins: ["anna@contoso.example"],
    });
    await expect(entraAuth.authenticate(`bearer ${token}`)).resolves.toMatchObject({ userId: testUser });
    await expect(entraAuth.authenticateToken(token)).resolves.toMatchObject({ userId: testUser });
  });

  it("authenticates a minted dev token in dev mode", async () => {
    expect(devAuth.mode).toBe("dev");
    const token = await devAuth.devIssuer!.mint({ userId: "dev-anna", name: "Anna" });
    await expect(devAuth.authenticate(`BEARER ${token}`)).resolves.toEqual({
      tenantId: "dev-tenant", userId: "dev-anna", name: "Anna", mode: "dev",
    });
    await expect(devAuth.authenticateToken(token)).resolves.toMatchObject({ mode: "dev" });
  });

  it("refuses a dev token in Entra mode and an Entra token in dev mode", async () => {
    const devToken = await createDevTokenIssuer(dev).mint({ userId: "dev-anna", name: "Anna" });
    expect(await reasonOf(entraAuth.authenticate(`Bearer ${devToken}`))).toMatch(/^entra: ERR_JOSE_ALG_NOT_ALLOWED/);
    const entraToken = await signTeamsToken(key);
    expect(await reasonOf(devAuth.authenticate(`Bearer ${entraToken}`))).toMatch(/^dev: ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it("rejects missing, empty, non-bearer, malformed and oversized credentials", async () => {
    const token = await signTeamsToken(key);
    expect(await reasonOf(entraAuth.authenticate(undefined))).toBe("header missing");
    expect(await reasonOf(entraAuth.authenticate(""))).toBe("header missing");
    expect(await reasonOf(entraAuth.authenticate("Bearer "))).toBe("not a bearer header");
    expect(await reasonOf(entraAuth.authenticate(`Basic ${token}`))).toBe("not a bearer header");
    expect(await reasonOf(entraAuth.authenticate(token))).toBe("not a bearer header");
    expect(await reasonOf(entraAuth.authenticate(`Bearer ${token} extra`))).toBe("not a bearer header");
    expect(await reasonOf(entraAuth.authenticate("Bearer garbage"))).toBe("token malformed");
    expect(await reasonOf(entraAuth.authenticate(`Bearer ${"a".repeat(maxAuthorizationLength)}`))).toBe("header too long");
    expect(await reasonOf(entraAuth.authenticateToken(""))).toBe("token missing");
    expect(await reasonOf(entraAuth.authenticateToken("x".repeat(maxAuthorizationLength + 1)))).toBe("token too long");
  });

  it("rejects a forged token through the header path", async () => {
    const forged = await signTeamsToken(await createSigningKey("key-1"));
    expect(await reasonOf(entraAuth.authenticate(`Bearer ${forged}`))).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });
});
