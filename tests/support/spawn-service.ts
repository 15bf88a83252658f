import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createDevTokenIssuer } from "../../bot/src/auth/dev-tokens";

/** The dev sign-in settings a spawned service and its test client share. */
export const spawnDev = { secret: "spawned-service-secret-0123456789abcdef0123", tenantId: "spawned-tenant" };

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A service running as its own process, as `npm start` runs it. */
export interface SpawnedService {
  child: ChildProcess;
  base: string;
  kill(): void;
  exited(): Promise<void>;
}

/** Starts `bot/src/main.ts` in a child process in dev mode and waits until /healthz answers. */
export async function spawnService(env: Record<string, string>): Promise<SpawnedService> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bot/src/main.ts"], {
    env: {
      ...process.env, LOG_LEVEL: "warn", NODE_ENV: "development", ...env,
      PORT: String(port), HOST: "127.0.0.1", DEV_TOKEN_SECRET: spawnDev.secret, DEV_TENANT_ID: spawnDev.tenantId,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const service: SpawnedService = {
    child, base,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", () => r()))),
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return service;
    await new Promise((r) => setTimeout(r, 100));
  }
  service.kill();
  throw new Error("service did not start within 60 s");
}

/** A dev token for a demo user of the spawned service. */
export function spawnedToken(userId = "dev-secretary", name = "Elin Strand"): Promise<string> {
  return createDevTokenIssuer({ secret: new TextEncoder().encode(spawnDev.secret), tenantId: spawnDev.tenantId }).mint({ userId, name });
}
