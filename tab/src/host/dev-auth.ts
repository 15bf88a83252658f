import { DevTokenResponseSchema, DevUsersResponseSchema } from "@paragraf/shared";
import type { z } from "zod";

/** A demo user of the local dev sign-in. */
export type DevUser = z.infer<typeof DevUsersResponseSchema>["users"][number];

const storageKey = "paragraf:dev-user";

/** The demo users the service offers, or undefined when it has no dev sign-in (Entra mode). */
export async function listDevUsers(): Promise<DevUser[] | undefined> {
  const res = await fetch("/api/dev/users");
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`dev users: ${res.status}`);
  return DevUsersResponseSchema.parse(await res.json()).users;
}

/** Mints a dev token for a demo user. */
export async function devToken(userId: string): Promise<{ token: string; user: DevUser }> {
  const res = await fetch("/api/dev/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new Error(`dev token: ${res.status}`);
  return DevTokenResponseSchema.parse(await res.json());
}

/** The demo user chosen in the URL (`?devUser=`) or earlier in this browser tab. */
export function chosenDevUser(params: URLSearchParams): string | undefined {
  const fromUrl = params.get("devUser");
  if (fromUrl) {
    sessionStorage.setItem(storageKey, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(storageKey) ?? undefined;
}

/** Forgets the chosen demo user. */
export function forgetDevUser(): void {
  sessionStorage.removeItem(storageKey);
}
