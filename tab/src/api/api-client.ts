import { ErrorResponseSchema, type ErrorResponse } from "@paragraf/shared";

/** A refused API call: the domain error code and its Swedish and English messages. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ErrorResponse["error"]) {
    super(body.code);
    this.name = "ApiError";
  }
  get code(): string {
    return this.body.code;
  }
}

/** The tab's API access: every call carries the caller's bearer token. */
export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: "POST" | "PUT" | "PATCH", path: string, body: unknown): Promise<T>;
  token(): Promise<string>;
}

/** No answer from the service; the UI words it from its catalogue (`errors.network`). */
const networkError = (): ErrorResponse["error"] => ({ code: "network", message: { sv: "", en: "" } });

/** Builds the client over a token source (Teams SSO or the dev sign-in). */
export function createApi(getToken: () => Promise<string>): Api {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const token = await getToken();
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiError(0, networkError());
    }
    const json: unknown = await res.json().catch(() => ({}));
    if (!res.ok) {
      const parsed = ErrorResponseSchema.safeParse(json);
      throw new ApiError(res.status, parsed.success ? parsed.data.error : networkError());
    }
    return json as T;
  };
  return {
    get: (path) => request("GET", path),
    send: (method, path, body) => request(method, path, body),
    token: getToken,
  };
}
