import type { ArchiveStatus, MeetingState } from "@paragraf/shared";
import { adaptiveCard, label, literal, textBlock, type CardElement } from "./card-text";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The archive part of the justering card once the protocol is sealed: on its way, filed with a link
 * and the time, waiting for a retry (with why and when), or failed with the actionable reason.
 */
export function archiveStatusBlocks(archive: ArchiveStatus): { body: CardElement[]; actions: CardElement[] } {
  switch (archive.state) {
    case "notSealed":
      return { body: [], actions: [] };
    case "queued":
    case "filing":
      return { body: [label("Protokollet arkiveras … / The protocol is being filed …", { isSubtle: true })], actions: [] };
    case "filed":
      return {
        body: [
          textBlock(`Arkiverat / Filed: ${archive.url ?? ""}`, { color: "Good" }),
          ...(archive.filedAt ? [label(utc(archive.filedAt), { isSubtle: true, size: "Small" })] : []),
        ],
        actions: archive.url?.startsWith("https://") ? [{ type: "Action.OpenUrl", title: "Öppna arkivexemplaret / Open the filed copy", url: archive.url }] : [],
      };
    case "retrying":
      return {
        body: [
          label(`Arkiveringen försöks igen ${archive.nextRetryAt ? utc(archive.nextRetryAt) : ""} / Filing will be retried`, { color: "Warning" }),
          ...reasonBlocks(archive, "Default"),
        ],
        actions: [],
      };
    case "failed":
      return { body: [label("Protokollet kunde inte arkiveras / The protocol could not be filed", { color: "Attention", weight: "Bolder" }), ...reasonBlocks(archive, "Attention")], actions: [] };
  }
}

function reasonBlocks(archive: ArchiveStatus, color: string): CardElement[] {
  if (!archive.lastError) return [];
  return [label(archive.lastError.sv, { color }), label(archive.lastError.en, { color, isSubtle: true })];
}

/**
 * The message to the secretary in the meeting chat when filing stops: who it is for (a Teams mention
 * when the bot knows their Teams id, else their name), the reason and what to do, and the tab where
 * "Försök igen" is.
 */
export function filingFailedCard(state: MeetingState, archive: ArchiveStatus, tabUrl: string, secretary?: { name: string; teamsId?: string }): ReturnType<typeof adaptiveCard> {
  const name = literal(secretary?.name ?? "Sekreterare", 120);
  const mention = secretary?.teamsId ? `<at>${name}</at>` : name;
  const body: CardElement[] = [
    label(`${mention}: protokollet kunde inte arkiveras / the protocol could not be filed`, { weight: "Bolder", color: "Attention" }),
    textBlock(`${state.bodyName} ${state.details.date}${state.details.dnr ? ` · Dnr ${state.details.dnr}` : ""} · version ${archive.version}`, { isSubtle: true }),
    ...reasonBlocks(archive, "Default"),
    label("Välj Försök igen under Efter mötet i Paragraf när felet är åtgärdat. / Choose Try again under After the meeting in Paragraf once it is fixed.", { isSubtle: true, size: "Small" }),
  ];
  const extra = secretary?.teamsId
    ? { msteams: { entities: [{ type: "mention", text: `<at>${name}</at>`, mentioned: { id: secretary.teamsId, name: secretary.name } }] } }
    : {};
  return adaptiveCard(body, [{ type: "Action.OpenUrl", title: "Öppna i Paragraf / Open in Paragraf", url: tabUrl }], extra);
}
