import { loadConfig } from "./config";
import { createApp } from "./composition-root";

/** Entry point: compose, listen, print how to try it, shut down cleanly on a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const address = await app.listen();
  const base = config.publicUrl;
  const lines = [
    "",
    `Paragraf is running on ${base} (listening on ${address}, storage: ${app.dialect === "pglite" ? `PGlite in ${config.dataDir}` : "PostgreSQL"})`,
    `  Health:        ${base}/healthz`,
  ];
  if (app.auth.mode === "dev") {
    lines.push("  Local dev mode — sign in as a demo user (dev sign-in, not for production):");
    for (const u of (await import("./demo/demo-body")).demoUsers) {
      lines.push(`    ${u.name.padEnd(18)} ${base}/?devUser=${u.userId}   (${u.description})`);
    }
    lines.push(`  Dev token:     curl -s -X POST ${base}/api/dev/token -H 'content-type: application/json' -d '{"userId":"dev-secretary"}'`);
    if (app.demoMeetingId) lines.push(`  Demo meeting:  ${base}/api/meetings/${app.demoMeetingId}  (with Authorization: Bearer <token>)`);
  }
  console.log(lines.join("\n") + "\n");

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.deps.log.info({ signal }, "shutting down");
    await app.close().catch((err) => app.deps.log.error({ err }, "error during shutdown"));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
