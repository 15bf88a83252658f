import type { AccessToken, TokenCredential } from "@azure/identity";
import { Client, HTTPMessageHandler, ResponseType, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { networkFailure } from "./graph-errors";

export type { AccessToken, TokenCredential };

/** A Graph answer as the adapter reads it: the status, headers and the parsed JSON body (if any). */
export interface GraphResponse {
  status: number;
  headers: Headers;
  json: unknown;
  /** The raw bytes, when asked for (`raw: true`). */
  bytes?: Uint8Array;
}

/** One Graph call, relative to the configured base URL (`/drives/…`). */
export interface GraphCall {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  /** Read the body as bytes instead of JSON (downloads). */
  raw?: boolean;
}

/** The authenticated Graph channel the SharePoint adapter talks through. */
export interface GraphApi {
  call(request: GraphCall): Promise<GraphResponse>;
}

/**
 * Adds the bearer token from a TokenCredential and, on a 401, drops the cached token, gets a new one
 * and sends the request once more (an expired or revoked token); a second 401 is returned as it is.
 */
function createAuthMiddleware(credential: TokenCredential, scope: string): Middleware {
  let cached: AccessToken | null = null;
  let next: Middleware | undefined;
  const token = async (refresh: boolean) => {
    if (refresh || !cached || cached.expiresOnTimestamp - Date.now() < 60_000) cached = await credential.getToken(scope);
    if (!cached) throw new Error("the credential returned no Graph token");
    return cached.token;
  };
  const send = async (context: Context, refresh: boolean) => {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set("Authorization", `Bearer ${await token(refresh)}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    await next!.execute(context);
  };
  return {
    setNext: (middleware) => {
      next = middleware;
    },
    async execute(context) {
      await send(context, false);
      if (context.response?.status === 401) {
        await context.response.arrayBuffer().catch(() => undefined); // release the first answer's connection
        cached = null;
        await send(context, true);
      }
    },
  };
}

/**
 * Graph through `@microsoft/microsoft-graph-client` with a deliberately short middleware chain:
 * our token middleware, then the HTTP handler. No RetryHandler: throttling and retries belong to the
 * outbox job (which honours Retry-After across restarts), not to a loop hidden inside one request.
 */
export function createGraphApi(options: { baseUrl: string; credential: TokenCredential }): GraphApi {
  const base = new URL(options.baseUrl.replace(/\/+$/, ""));
  const version = base.pathname.replace(/^\/+/, "");
  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    defaultVersion: version,
    middleware: (() => {
      const auth = createAuthMiddleware(options.credential, `${base.origin}/.default`);
      auth.setNext!(new HTTPMessageHandler());
      return auth;
    })(),
  });
  return {
    async call(request) {
      let api = client.api(request.path).responseType(ResponseType.RAW);
      if (request.contentType ?? request.json !== undefined) api = api.header("Content-Type", request.contentType ?? "application/json");
      const body = request.bytes ? Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength) : request.json;
      let response: Response;
      try {
        const methods = { GET: () => api.get(), DELETE: () => api.delete(), POST: () => api.post(body), PUT: () => api.put(body), PATCH: () => api.patch(body) };
        response = (await methods[request.method]()) as Response;
      } catch (err) {
        throw networkFailure(`${request.method} ${request.path}`, err);
      }
      const buffer = new Uint8Array(await response.arrayBuffer().catch((err: unknown) => {
        throw networkFailure(`${request.method} ${request.path}`, err);
      }));
      let json: unknown;
      if (!request.raw || !response.ok) {
        try {
          json = buffer.byteLength ? JSON.parse(Buffer.from(buffer).toString("utf8")) : undefined;
        } catch {
          json = undefined;
        }
      }
      return { status: response.status, headers: response.headers, json, bytes: request.raw ? buffer : undefined };
    },
  };
}
