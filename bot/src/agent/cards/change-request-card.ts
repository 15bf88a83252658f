import type { MeetingState } from "@paragraf/shared";
import { adaptiveCard, label, literal, textBlock, type CardElement } from "./card-text";

/** A change request as the protocol state keeps it. */
type ChangeRequest = MeetingState["protocol"]["changeRequests"][number];

/** The secretary the message is addressed to; `teamsUserId` makes it a real @mention. */
export interface Addressee {
  name: string;
  teamsUserId?: string;
}

/**
 * Tells the secretary that a signatory asked for a change: who, on which version, their comment
 * (literal, cut with a pointer to the tab when long), and a link to the protocol in the tab.
 * With the secretary's Teams id the card @mentions them (Adaptive Card `msteams.entities`).
 */
export function changeRequestCard(state: MeetingState, request: ChangeRequest, secretary: Addressee | undefined, tabUrl: string): ReturnType<typeof adaptiveCard> {
  // The mention text must appear verbatim in the TextBlock; a name cannot open or close a tag.
  const name = secretary ? literal(secretary.name.replace(/[<>]/g, ""), 80) : undefined;
  const mention = secretary?.teamsUserId && name ? `<at>${name}</at>` : name;
  const body: CardElement[] = [
    label("Begäran om ändring i protokollet / Change requested in the protocol", { size: "Medium", weight: "Bolder", color: "Attention" }),
    textBlock(`${state.bodyName} ${state.details.date} · version ${request.version}`, { isSubtle: true }),
  ];
  if (mention) body.push({ ...label(`${mention}: ${literal(request.name, 120)} vill att protokollet ändras. / would like the protocol changed.`), id: "addressee" });
  else body.push(textBlock(`${request.name} vill att protokollet ändras. / would like the protocol changed.`));
  body.push(
    { type: "Container", style: "emphasis", items: [textBlock(request.comment)] },
    label("Protokollet har gått tillbaka till sekreteraren som utkast. / The protocol is back with the secretary as a draft.", { isSubtle: true }),
  );
  const extra = secretary?.teamsUserId && mention
    ? { msteams: { entities: [{ type: "mention", text: mention, mentioned: { id: secretary.teamsUserId, name: secretary.name } }] } }
    : {};
  return adaptiveCard(body, [{ type: "Action.OpenUrl", title: "Öppna protokollet / Open the protocol", url: tabUrl }], extra);
}
