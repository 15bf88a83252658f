import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp, type App } from "../../bot/src/composition-root";
import { parseConfig } from "../../bot/src/config";
import { createSigningKey, signTeamsToken, startJwksServer, testAppIdUri, testClientId, type TestJwksServer, type TestSigningKey } from "../../bot/src/auth/test-jwks-server";
import { freshSchema, type Backend } from "./backends";

/** Two Entra tenants for isolation tests. */
export const tenantA = "aaaaaaaa-0000-4000-8000-00000000000a";
export const tenantB = "bbbbbbbb-0000-4000-8000-00000000000b";

/** A running test service in Entra mode with a local JWKS, on a given backend. */
export interface TestApp {
  app: App;
  /** A valid Teams-SSO-shaped bearer token for a user of a tenant. */
  token(tenantId: string, userId: string, name?: string): Promise<string>;
  key: TestSigningKey;
  jwks: TestJwksServer;
  dataDir: string;
  env: Record<string, string>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts the real service (composition root) for a test; nothing is faked but the identity provider. */
export async function startTestApp(backend: Backend, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const key = await createSigningKey("test-key");
  const jwks = await startJwksServer([key]);
  const dataDir = extraEnv.DATA_DIR ?? (await mkdtemp(join(tmpdir(), "paragraf-test-")));
  const env: Record<string, string> = {
    NODE_ENV: "test", LOG_LEVEL: "silent", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir,
    ENTRA_CLIENT_ID: testClientId, ENTRA_AUDIENCES: testAppIdUri, ENTRA_JWKS_URL: jwks.url,
    ...(backend.name === "postgres" ? { DATABASE_SCHEMA: freshSchema() } : {}),
    ...backend.env, ...extraEnv,
  };
  const app = await createApp(parseConfig(env), pino({ level: "silent" }));
  return {
    app, key, jwks, dataDir, env,
    token: (tenantId, userId, name = userId) => signTeamsToken(key, { tid: tenantId, oid: userId, name, iss: `https://login.microsoftonline.com/${tenantId}/v2.0` }),
    async close(options) {
      await app.close();
      await jwks.close();
      if (!options?.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
