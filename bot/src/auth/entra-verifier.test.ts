import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SignJWT, UnsecuredJWT, exportSPKI, importJWK } from "jose";
import { createEntraVerifier, type EntraVerifierOptions } from "./entra-verifier";
import { AuthError } from "./identity";
import {
  createSigningKey, signTeamsToken, startJwksServer, testAppIdUri, testClientId, testTenant, testUser,
  type TestJwksServer, type TestSigningKey,
} from "./test-jwks-server";

let key: TestSigningKey;
let server: TestJwksServer;

beforeAll(async () => {
  key = await createSigningKey("key-1");
  server = await startJwksServer([key]);
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  server.publish([key]);
});

function verifier(overrides: Partial<EntraVerifierOptions> = {}) {
  return createEntraVerifier({ clientId: testClientId, audiences: [testAppIdUri], jwksUrl: server.url, ...overrides });
}

/** Expects verification to fail with an AuthError whose internal reason matches. */
async function expectRejected(promise: Promise<unknown>, reason: RegExp): Promise<void> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe("unauthenticated");
  expect((error as AuthError).reason).toMatch(reason);
  expect((error as AuthError).message).toBe("unauthenticated");
}

describe("createEntraVerifier", () => {
  it("accepts a valid Teams SSO token and takes identity from tid and oid", async () => {
    const identity = await verifier().verify(await signTeamsToken(key));
    expect(identity).toEqual({ tenantId: testTenant, userId: testUser, name: "Anna Andersson", mode: "entra", logins: ["anna@contoso.example"] });
  });

  it("accepts a v1 token (sts.windows.net issuer, client id audience) and falls back to preferred_username", async () => {
    const token = await signTeamsToken(key, {
      iss: `https://sts.windows.net/${testTenant}/`, aud: testClientId, ver: "1.0", name: undefined,
    });
    const identity = await verifier().verify(token);
    expect(identity.tenantId).toBe(testTenant);
    expect(identity.name).toBe("anna@contoso.example");
  });

  it("rejects a forged signature from another key with the same kid", async () => {
    const forger = await createSigningKey("key-1");
    await expectRejected(verifier().verify(await signTeamsToken(forger)), /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it("rejects a tampered payload", async () => {
    const [header, , signature] = (await signTeamsToken(key)).split(".");
    const payload = Buffer.from(JSON.stringify({ tid: testTenant, oid: "someone-else" })).toString("base64url");
    await expectRejected(verifier().verify(`${header}.${payload}.${signature}`), /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it("rejects an expired token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signTeamsToken(key, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    await expectRejected(verifier().verify(token), /ERR_JWT_EXPIRED/);
  });

  it("rejects a token expired by more than the clock tolerance, but accepts within it", async () => {
    const token = await signTeamsToken(key, { exp: Math.floor(Date.now() / 1000) - 30 });
    await expect(verifier({ clockToleranceSec: 60 }).verify(token)).resolves.toMatchObject({ userId: testUser });
    await expectRejected(verifier({ clockToleranceSec: 0 }).verify(token), /ERR_JWT_EXPIRED/);
  });

  it("rejects a token whose nbf is in the future", async () => {
    const token = await signTeamsToken(key, { nbf: Math.floor(Date.now() / 1000) + 600 });
    await expectRejected(verifier().verify(token), /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it("rejects a token for another audience", async () => {
    const token = await signTeamsToken(key, { aud: "api://other.example.com/99999999-0000-0000-0000-000000000000" });
    await expectRejected(verifier().verify(token), /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it("rejects an issuer of another tenant than the token's tid", async () => {
    const other = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    const v2 = await signTeamsToken(key, { iss: `https://login.microsoftonline.com/${other}/v2.0` });
    const v1 = await signTeamsToken(key, { iss: `https://sts.windows.net/${other}/` });
    const common = await signTeamsToken(key, { iss: "https://login.microsoftonline.com/common/v2.0" });
    await expectRejected(verifier().verify(v2), /issuer does not match tid/);
    await expectRejected(verifier().verify(v1), /issuer does not match tid/);
    await expectRejected(verifier().verify(common), /issuer does not match tid/);
  });

  it("rejects a tenant outside allowedTenants and accepts one inside", async () => {
    const token = await signTeamsToken(key);
    await expectRejected(verifier({ allowedTenants: ["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"] }).verify(token), /tenant not allowed/);
    await expect(verifier({ allowedTenants: [testTenant.toUpperCase()] }).verify(token)).resolves.toMatchObject({ tenantId: testTenant });
  });

  it("rejects a token without oid or tid", async () => {
    await expectRejected(verifier().verify(await signTeamsToken(key, { oid: undefined })), /ERR_JWT_CLAIM_VALIDATION_FAILED/);
    await expectRejected(verifier().verify(await signTeamsToken(key, { oid: "" })), /tid or oid missing/);
    await expectRejected(verifier().verify(await signTeamsToken(key, { tid: undefined })), /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it("rejects an app-only token without scp", async () => {
    await expectRejected(verifier().verify(await signTeamsToken(key, { scp: undefined })), /not a delegated user token/);
  });

  it("rejects an unsigned alg:none token", async () => {
    const token = new UnsecuredJWT({ aud: testAppIdUri, tid: testTenant, oid: testUser, scp: "access_as_user",
      iss: `https://login.microsoftonline.com/${testTenant}/v2.0` }).setExpirationTime("1h").encode();
    await expectRejected(verifier().verify(token), /ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it("rejects an HS256 token, including one keyed with the public key (algorithm confusion)", async () => {
    const publicKey = await importJWK(key.publicJwk, "RS256");
    const pem = new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey));
    const token = await new SignJWT({ aud: testAppIdUri, tid: testTenant, oid: testUser, scp: "access_as_user",
      iss: `https://login.microsoftonline.com/${testTenant}/v2.0` })
      .setProtectedHeader({ alg: "HS256", kid: key.kid }).setExpirationTime("1h").sign(pem);
    await expectRejected(verifier().verify(token), /ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it("rejects garbage", async () => {
    await expectRejected(verifier().verify("not-a-token"), /ERR_JWS_INVALID|ERR_JWT_INVALID/);
    await expectRejected(verifier().verify("a.b.c"), /ERR_JWS_INVALID|ERR_JWT_INVALID/);
  });

  it("refetches the key set when a token names an unknown kid (key rotation), at most once per cooldown", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const v = verifier();
    await v.verify(await signTeamsToken(key));
    const fetchesBefore = server.requests;

    const rotated = await createSigningKey("key-2");
    server.publish([key, rotated]);
    // Within the 30 s cooldown an unknown kid does not hammer the endpoint.
    await expectRejected(v.verify(await signTeamsToken(rotated)), /ERR_JWKS_NO_MATCHING_KEY/);
    expect(server.requests).toBe(fetchesBefore);

    vi.advanceTimersByTime(31_000);
    const identity = await v.verify(await signTeamsToken(rotated));
    expect(identity.userId).toBe(testUser);
    expect(server.requests).toBe(fetchesBefore + 1);
    // The old key stays valid while it is still published.
    await expect(v.verify(await signTeamsToken(key))).resolves.toMatchObject({ tenantId: testTenant });
  });

  it("refuses a plain-http JWKS URL outside loopback and an empty tenant allow-list", () => {
    expect(() => verifier({ jwksUrl: "http://keys.example.com/keys" })).toThrow(/https/);
    expect(() => verifier({ allowedTenants: [] })).toThrow(/allowedTenants/);
  });
});
