import type { App } from "../../bot/src/composition-root";

/** The answer of an injected request, with the JSON body parsed. */
export interface Answer {
  status: number;
  json: Record<string, unknown> & { error?: { code: string; message: { sv: string; en: string }; details?: Record<string, unknown> } };
  text: string;
}

/** Sends a request through the real HTTP stack (routing, parsing, hooks) without a socket. */
export async function call(app: App, method: string, url: string, token?: string, body?: unknown): Promise<Answer> {
  const res = await app.server.inject({
    method: method as "GET",
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
  let json: Answer["json"] = {};
  try {
    json = JSON.parse(res.body) as Answer["json"];
  } catch {
    json = {};
  }
  return { status: res.statusCode, json, text: res.body };
}

/** A roster for API tests: the users' ids are Entra object ids of tenant A. */
export const apiRoster = [
  { id: "p-chair", name: "Clara Ordförande", organisation: "Ak kommun", roles: ["ordforande"], userId: "oid-chair" },
  { id: "p-m1", name: "Mats Ledamot", organisation: "Bk kommun", roles: ["ledamot"], userId: "oid-m1" },
  { id: "p-m2", name: "Mona Ledamot", organisation: "Ck kommun", roles: ["ledamot"], userId: "oid-m2" },
  { id: "p-sec", name: "Siv Sekreterare", organisation: "Region", roles: ["sekreterare"], userId: "oid-sec" },
];
