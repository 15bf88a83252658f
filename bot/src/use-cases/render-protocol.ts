import {
  BodySettingsSchema, buildProtocolDocument, foldEvents, type Body, type MeetingState, type ProtocolDocument, type ProtocolLang,
} from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { renderProtocolPdf } from "../protocol/render-pdf";

/** A protocol ready to render: the document, the state it was built from and the creation date to stamp. */
export interface LoadedProtocol {
  document: ProtocolDocument;
  state: MeetingState;
  creationDate: Date;
  /** For a sealed version: whether the rebuilt content has the hash the signatories approved. */
  verified?: boolean;
}

async function settingsOf(deps: Deps, tenantId: string, bodyId: string): Promise<Pick<Body, "settings">> {
  const body = await deps.store.getBody(tenantId, bodyId);
  return body ?? { settings: BodySettingsSchema.parse({}) };
}

/**
 * The protocol of a meeting's current state, as a draft (or, once sent, the version under justering).
 * Any signed-in user of the tenant may read it, like the meeting itself; another tenant's meeting is 404.
 */
export async function loadProtocol(options: { deps: Deps; identity: Identity; meetingId: string; lang: ProtocolLang }): Promise<LoadedProtocol> {
  const { deps, identity, meetingId, lang } = options;
  const state = (await deps.meetings.load(identity.tenantId, meetingId)) ?? failWith("notFound");
  const body = await settingsOf(deps, identity.tenantId, state.bodyId);
  const creationDate = state.protocol.sealedAt ? new Date(state.protocol.sealedAt) : deps.clock.now();
  return { document: buildProtocolDocument(state, body, { lang }), state, creationDate };
}

/**
 * A sealed version of the protocol, rebuilt from the log as of its `protocol.sealed` event and dated
 * with the sealing time, so the same version always renders to the same bytes. The language is the
 * one whose content has the sealed hash (Swedish first). Takes a tenant id rather than a caller so
 * the filing worker can use it too; an unknown meeting or version is 404.
 */
export async function loadSealedProtocol(options: { deps: Deps; tenantId: string; meetingId: string; version: number }): Promise<LoadedProtocol> {
  const { deps, tenantId, meetingId, version } = options;
  const events = await deps.store.loadEvents(tenantId, meetingId);
  const sealed = events.find((e) => e.event.type === "protocol.sealed" && e.event.version === version);
  if (!sealed || sealed.event.type !== "protocol.sealed") return failWith("notFound", { version });
  const sealedHash = sealed.event.hash;
  const state = foldEvents(tenantId, meetingId, events.filter((e) => e.seq <= sealed.seq));
  const body = await settingsOf(deps, tenantId, state.bodyId);
  const candidates = (["sv", "en"] as const).map((lang) => buildProtocolDocument(state, body, { lang }));
  const match = candidates.find((d) => d.hash === sealedHash);
  return { document: match ?? candidates[0]!, state, creationDate: new Date(sealed.at), verified: match !== undefined };
}

/** The archival PDF of a sealed version with its hash: what the API serves and what filing stores. */
export async function renderSealedProtocolPdf(options: { deps: Deps; tenantId: string; meetingId: string; version: number }): Promise<{
  pdf: Buffer; hash: string; verified: boolean; document: ProtocolDocument;
}> {
  const loaded = await loadSealedProtocol(options);
  const pdf = await renderProtocolPdf(loaded.document, { creationDate: loaded.creationDate });
  return { pdf, hash: loaded.document.hash, verified: loaded.verified === true, document: loaded.document };
}
