import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from "jose";

/** An RSA signing key with its public JWK, as Entra publishes it. Test-only. */
export interface TestSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Generates an RS256 key pair labelled with `kid`. Test-only. */
export async function createSigningKey(kid: string): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" };
  return { kid, privateKey, publicJwk };
}

/** A local JWKS endpoint on 127.0.0.1 whose key set can be swapped to simulate rotation. Test-only. */
export interface TestJwksServer {
  readonly url: string;
  /** How many times the key set has been fetched. */
  readonly requests: number;
  publish(keys: readonly TestSigningKey[]): void;
  close(): Promise<void>;
}

/** Starts a JWKS server on a random loopback port. Test-only. */
export async function startJwksServer(keys: readonly TestSigningKey[]): Promise<TestJwksServer> {
  let published = keys;
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    get requests() {
      return requests;
    },
    publish(next) {
      published = next;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Fixed ids for a Teams-SSO-shaped test token. */
export const testTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const testUser = "00000000-0000-0000-0000-0000000000a1";
export const testClientId = "11111111-2222-3333-4444-555555555555";
export const testAppIdUri = `api://paragraf.example.com/${testClientId}`;

/** Signs a token shaped like a Teams SSO (v2) access token; `claims` override or add claims. Test-only. */
export async function signTeamsToken(
  key: TestSigningKey,
  claims: JWTPayload = {},
  header: { kid?: string; alg?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    aud: testAppIdUri,
    iss: `https://login.microsoftonline.com/${testTenant}/v2.0`,
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    tid: testTenant,
    oid: testUser,
    name: "Anna Andersson",
    preferred_username: "anna@contoso.example",
    scp: "access_as_user",
    azp: "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
    ver: "2.0",
    ...claims,
  };
  const defined = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
  return new SignJWT(defined)
    .setProtectedHeader({ alg: header.alg ?? "RS256", typ: "JWT", kid: header.kid ?? key.kid })
    .sign(key.privateKey);
}
