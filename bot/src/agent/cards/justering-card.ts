import type { ArchiveStatus, MeetingState } from "@paragraf/shared";
import { adaptiveCard, label, literal, textBlock, type CardElement } from "./card-text";
import { archiveStatusBlocks } from "./filing-cards";

const roleLabels: Record<string, string> = { ordforande: "Ordförande", justerare: "Justerare", sekreterare: "Sekreterare", ledamot: "Ledamot" };

/** Who is looking at the card: a pending signatory gets the buttons, everyone else the progress. */
export interface JusteringViewer {
  personId?: string;
  /** A message to show on top (a refused stale signature, a recorded change request). */
  notice?: { sv: string; en: string };
}

/**
 * The justering card: protocol version and hash, the decisions in brief, a link to read it all,
 * who has signed and who is pending, and for a pending signatory the Justera / Begär ändring actions.
 * After sealing it says so and how filing goes (`archive`, when known): on its way, filed with the
 * link, or failed with the reason; without it, the filed link from the record.
 */
export function justeringCard(state: MeetingState, tabUrl: string, viewer: JusteringViewer = {}, refreshUserIds: string[] = [], archive?: ArchiveStatus): ReturnType<typeof adaptiveCard> {
  const p = state.protocol;
  const version = p.version;
  const body: CardElement[] = [];
  if (viewer.notice) body.push(label(viewer.notice.sv, { color: "Attention", weight: "Bolder" }), label(viewer.notice.en, { color: "Attention", isSubtle: true }));
  const sealed = state.status === "sealed" || state.status === "filed";
  // Sent back to the secretary (a change request): this round is over; a new card follows the next send.
  const withdrawn = !sealed && state.status !== "inJustering";
  const title = sealed ? "Protokollet är justerat / The protocol is signed"
    : withdrawn ? "Justeringen är avbruten / Sign-off withdrawn" : "Justering av protokoll / Protocol sign-off";
  body.push(
    label(title, { size: "Large", weight: "Bolder", color: sealed ? "Good" : withdrawn ? "Warning" : "Default" }),
    textBlock(`${state.bodyName} ${state.details.date}${state.details.dnr ? ` · Dnr ${state.details.dnr}` : ""}`, { isSubtle: true }),
    label(p.hash ? `Version ${version} · SHA-256 ${literal(p.hash.slice(0, 16))}…` : `Version ${version}`, { isSubtle: true, fontType: "Monospace", size: "Small" }),
  );
  if (withdrawn) {
    body.push(textBlock("Protokollet är tillbaka hos sekreteraren för ändring. Ett nytt kort kommer när det skickas på justering igen. / The protocol is back with the secretary for changes; a new card follows when it is sent for sign-off again."));
    const request = p.changeRequests.at(-1);
    if (request) body.push(textBlock(`${request.name}: ${request.comment}`, { isSubtle: true }));
    return adaptiveCard(body, [{ type: "Action.OpenUrl", title: "Läs protokollet / Read the protocol", url: tabUrl }]);
  }
  const decided = state.items.filter((i) => i.decision && i.status !== "pending" && i.status !== "current" && i.status !== "withdrawn").length;
  body.push(label(`${decided} beslut i protokollet / ${decided} decisions in the protocol`));
  body.push({
    type: "FactSet",
    facts: p.signatories.map((s) => {
      const person = state.members.find((m) => m.id === s.personId);
      const signed = p.signatures.find((x) => x.personId === s.personId && x.version === version);
      const when = signed ? `✔ ${signed.at.slice(0, 16).replace("T", " ")} UTC` : "Väntar / Pending";
      return { title: literal(`${person?.name ?? s.personId} (${roleLabels[s.role] ?? s.role})`, 120), value: when };
    }),
  });
  const filing = archive && sealed ? archiveStatusBlocks(archive) : { body: [], actions: [] };
  if (filing.body.length) body.push(...filing.body);
  else if (p.filed) body.push(textBlock(`Arkiverat / Filed: ${p.filed.url}`));
  const actions: CardElement[] = [{ type: "Action.OpenUrl", title: "Läs protokollet / Read the protocol", url: tabUrl }, ...filing.actions];
  // The shared card (no viewer) carries the buttons for every signatory; the server decides who may
  // use them, and the card a signatory gets back after acting is theirs alone.
  const pending = state.status === "inJustering" && (viewer.personId === undefined
    || (p.signatories.some((s) => s.personId === viewer.personId) && !p.signatures.some((x) => x.personId === viewer.personId && x.version === version)));
  if (pending) {
    const data = { meetingId: state.id, version, hash: p.hash };
    actions.unshift(
      { type: "Action.Execute", title: "Justera / Sign", verb: "justera", style: "positive", data },
      {
        type: "Action.ShowCard", title: "Begär ändring / Request a change",
        card: {
          type: "AdaptiveCard", version: "1.5",
          body: [{ type: "Input.Text", id: "comment", isMultiline: true, maxLength: 4000, isRequired: true, label: "Vad behöver ändras? / What needs to change?", errorMessage: "Skriv en kommentar / Write a comment" }],
          actions: [{ type: "Action.Execute", title: "Skicka / Send", verb: "begarAndring", data }],
        },
      },
    );
  }
  const extra = { refresh: { action: { type: "Action.Execute", title: "Uppdatera / Refresh", verb: "refresh", data: { meetingId: state.id } }, ...(refreshUserIds.length ? { userIds: refreshUserIds.slice(0, 60) } : {}) } };
  return adaptiveCard(body, actions, extra);
}

/** A reminder in the chat: who still has to sign, and by when. */
export function reminderCard(state: MeetingState, deadline: string, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const version = state.protocol.version;
  const pending = state.protocol.signatories
    .filter((s) => !state.protocol.signatures.some((x) => x.personId === s.personId && x.version === version))
    .map((s) => state.members.find((m) => m.id === s.personId)?.name ?? s.personId);
  return adaptiveCard([
    label("Påminnelse: protokollet väntar på justering / Reminder: the protocol awaits sign-off", { weight: "Bolder", color: "Attention" }),
    textBlock(`${state.bodyName} ${state.details.date} · version ${version}`, { isSubtle: true }),
    label(`Senast / By ${deadline.slice(0, 10)}`),
    textBlock(`Väntar på / Waiting for: ${pending.join(", ")}`),
  ], [{ type: "Action.OpenUrl", title: "Läs protokollet / Read the protocol", url: tabUrl }]);
}
