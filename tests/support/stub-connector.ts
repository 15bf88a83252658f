import { createServer, type Server } from "node:http";

/** An activity the bot sent to the connector. */
export interface SentActivity {
  method: string;
  path: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] } & Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Connector service: records what the bot posts or updates under
 * /v3/conversations/…/activities and answers like the connector does (an id per activity).
 */
export async function startStubConnector(): Promise<{ url: string; sent: SentActivity[]; close(): Promise<void> }> {
  const sent: SentActivity[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const path = req.url ?? "";
      if (!/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path) || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404).end(JSON.stringify({ error: { code: "NotFound", message: `${req.method} ${path}` } }));
        return;
      }
      sent.push({ method: req.method, path, body: JSON.parse(data || "{}") });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `activity-${++n}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, sent, close: () => new Promise((r) => server.close(() => r())) };
}
