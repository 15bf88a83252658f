import { spawn, type ChildProcess } from "node:child_process";
import { createDevTokenIssuer } from "../../bot/src/auth/dev-tokens";

/** The dev sign-in settings a spawned service and its test client share. */
export const spawnDev = { secret: "spawned-service-secret-0123456789abcdef0123", tenantId: "spawned-tenant" };

/** A service running as its own process, as `npm start` runs it. */
export interface SpawnedService {
  child: ChildProcess;
  base: string;
  kill(): void;
  exited(): Promise<void>;
}

/**
 * Starts the service in a child process in dev mode and waits until /healthz answers: from source
 * through tsx by default, or the built bundle (`npm run build`) as `npm start` runs it.
 */
export async function spawnService(env: Record<string, string>, options: { built?: boolean } = {}): Promise<SpawnedService> {
  const args = options.built ? ["--enable-source-maps", "bot/dist/main.js"] : ["--import", "tsx", "bot/src/main.ts"];
  // Port 0: the service binds a free port itself and prints it, so no other process can take it first.
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env, LOG_LEVEL: "warn", NODE_ENV: "development", ...env,
      PORT: "0", HOST: "127.0.0.1", DEV_TOKEN_SECRET: spawnDev.secret, DEV_TENANT_ID: spawnDev.tenantId,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r())));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const base = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("service did not start within 60 s")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[0-9.]+:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}`));
    });
  }).catch((err) => {
    kill();
    throw err;
  });
  child.stdout!.resume();
  if (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
    kill();
    throw new Error("service does not answer /healthz");
  }
  return { child, base, kill, exited };
}

/** A dev token for a demo user of the spawned service. */
export function spawnedToken(userId = "dev-secretary", name = "Elin Strand"): Promise<string> {
  return createDevTokenIssuer({ secret: new TextEncoder().encode(spawnDev.secret), tenantId: spawnDev.tenantId }).mint({ userId, name });
}
