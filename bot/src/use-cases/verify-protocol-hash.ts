import { buildProtocolDocument } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { loadProtocol } from "./render-protocol";

/**
 * Checks that the hash a secretary sends for justering is the hash of the protocol as it stands now
 * (in Swedish or English), so every signature binds to content the service can reproduce. A hash of
 * an older draft is refused with the current one.
 */
export async function verifyProtocolHash(options: { deps: Deps; identity: Identity; meetingId: string; hash: string }): Promise<void> {
  const { deps, identity, meetingId, hash } = options;
  const sv = await loadProtocol({ deps, identity, meetingId, lang: "sv" });
  if (sv.document.hash === hash) return;
  const body = (await deps.store.getBody(identity.tenantId, sv.state.bodyId)) ?? failWith("notFound");
  if (buildProtocolDocument(sv.state, body, { lang: "en" }).hash === hash) return;
  failWith("staleProtocol", { currentHash: sv.document.hash });
}
