import { paragraphNumbers, type Decision, type MeetingState } from "@paragraf/shared";
import { adaptiveCard, isClipped, label, literal, textBlock, type CardElement } from "./card-text";

/** Swedish and English labels for outcomes, as the protocol words them. */
export const outcomeLabels: Record<Decision["outcome"], { sv: string; en: string }> = {
  decided: { sv: "Beslut", en: "Decision" },
  informationNoted: { sv: "Informationen är delgiven", en: "Information noted" },
  recommendation: { sv: "Rekommendation", en: "Recommendation" },
  tabled: { sv: "Bordlagt", en: "Tabled" },
  referredBack: { sv: "Återremitterat", en: "Referred back" },
  forwarded: { sv: "Överlämnat", en: "Forwarded" },
};

const statusLabels: Record<string, string> = {
  pending: "Väntar", current: "Pågår", handled: "Behandlat", tabled: "Bordlagt", referredBack: "Återremitterat", withdrawn: "Struket",
};

const meetingTitle = (s: MeetingState) => `${s.bodyName} ${s.details.date} kl. ${s.details.startTime}${s.details.endTime ? `–${s.details.endTime}` : ""}`;

const openTab = (url: string): CardElement => ({ type: "Action.OpenUrl", title: "Öppna i Paragraf / Open in Paragraf", url });

/** The agenda as a card: paragraph, title, status. */
export function agendaCard(state: MeetingState, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const numbers = paragraphNumbers(state);
  const rows = state.items.filter((i) => i.status !== "withdrawn").map((i): CardElement => ({
    type: "ColumnSet",
    columns: [
      { type: "Column", width: "auto", items: [label(`§ ${numbers.get(i.id)}`, { weight: "Bolder" })] },
      { type: "Column", width: "stretch", items: [textBlock(i.title)] },
      { type: "Column", width: "auto", items: [label(statusLabels[i.status] ?? i.status, { isSubtle: true })] },
    ],
  }));
  return adaptiveCard([label("Dagordning / Agenda", { size: "Large", weight: "Bolder" }), textBlock(meetingTitle(state), { isSubtle: true }), ...rows], [openTab(tabUrl)]);
}

/** The decision of one closed item: paragraph, title, outcome, att-clauses, assignments. */
export function decisionCard(state: MeetingState, itemId: string, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const item = state.items.find((i) => i.id === itemId);
  const number = paragraphNumbers(state).get(itemId);
  if (!item || !item.decision) return adaptiveCard([label("Ärendet har inget beslut ännu. / The item has no decision yet.")]);
  const d = item.decision;
  const body: CardElement[] = [
    label(`§ ${number ?? "–"}`, { isSubtle: true }),
    textBlock(item.title, { size: "Medium", weight: "Bolder" }),
    label(`${outcomeLabels[d.outcome].sv} / ${outcomeLabels[d.outcome].en}`, { color: d.outcome === "decided" ? "Good" : "Default" }),
  ];
  if (d.clauses.length > 0) body.push(textBlock(`${state.bodyName} beslutar`), ...d.clauses.map((c) => ({ ...textBlock(`att ${c}`), spacing: "Small" })));
  if (d.motivation) body.push(textBlock(`Motivering: ${d.motivation}`));
  if (d.recipient) body.push(textBlock(`Till: ${d.recipient}`));
  if (item.assignments.length > 0) {
    body.push(label("Uppdrag / Assignments", { weight: "Bolder" }));
    body.push({ type: "FactSet", facts: item.assignments.map((a) => ({ title: literal(a.owner, 80), value: literal(`${a.task}${a.due ? ` (senast ${a.due})` : ""}`, 300) })) });
  }
  const clipped = [item.title, ...d.clauses, d.motivation ?? ""].some((t) => isClipped(t));
  if (clipped) body.push(label("Texten är förkortad — läs hela i Paragraf. / Shortened — read it all in Paragraf.", { isSubtle: true }));
  return adaptiveCard(body, [openTab(tabUrl)]);
}

/** Every decision so far, one line each. */
export function decisionsCard(state: MeetingState, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const numbers = paragraphNumbers(state);
  const decided = state.items.filter((i) => i.decision && (i.status === "handled" || i.status === "tabled" || i.status === "referredBack"));
  const rows = decided.length
    ? decided.map((i) => textBlock(`§ ${numbers.get(i.id)} ${i.title} — ${outcomeLabels[i.decision!.outcome].sv}${i.decision!.clauses[0] ? `: att ${i.decision!.clauses[0]}${i.decision!.clauses.length > 1 ? " …" : ""}` : ""}`))
    : [label("Inga beslut ännu. / No decisions yet.", { isSubtle: true })];
  return adaptiveCard([label("Beslut / Decisions", { size: "Large", weight: "Bolder" }), textBlock(meetingTitle(state), { isSubtle: true }), ...rows], [openTab(tabUrl)]);
}

/** The protocol's justering status: who has signed and who is pending. */
export function statusCard(state: MeetingState, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const statusText: Record<string, string> = {
    planned: "Planerat / Planned", open: "Pågår / In progress", closed: "Avslutat / Closed", drafted: "Protokollutkast / Draft",
    inJustering: "Under justering / Out for sign-off", sealed: "Justerat / Signed", filed: "Arkiverat / Filed",
  };
  const body: CardElement[] = [label("Protokollstatus / Protocol status", { size: "Large", weight: "Bolder" }), textBlock(meetingTitle(state), { isSubtle: true }), label(statusText[state.status] ?? state.status, { weight: "Bolder" })];
  if (state.protocol.signatories.length > 0) {
    const version = state.protocol.version;
    body.push({
      type: "FactSet",
      facts: state.protocol.signatories.map((s) => {
        const person = state.members.find((p) => p.id === s.personId);
        const signed = state.protocol.signatures.find((x) => x.personId === s.personId && x.version === version);
        return { title: literal(person?.name ?? s.personId, 80), value: signed ? `Justerat ${signed.at.slice(0, 16).replace("T", " ")}` : "Väntar / Pending" };
      }),
    });
  }
  if (state.protocol.filed) body.push(textBlock(`Arkiverat: ${state.protocol.filed.url}`));
  return adaptiveCard(body, [openTab(tabUrl)]);
}

/** The end-of-meeting summary: every decision and every assignment, and the way to the protocol draft. */
export function summaryCard(state: MeetingState, tabUrl: string): ReturnType<typeof adaptiveCard> {
  const decisions = decisionsCard(state, tabUrl).content.body as CardElement[];
  const numbers = paragraphNumbers(state);
  const assignments = state.items.flatMap((i) => i.assignments.map((a) => ({ title: literal(`§ ${numbers.get(i.id)} ${a.owner}`, 100), value: literal(`${a.task}${a.due ? ` (senast ${a.due})` : ""}`, 300) })));
  const body: CardElement[] = [
    label("Mötet är avslutat / The meeting has ended", { size: "Large", weight: "Bolder" }),
    ...decisions.slice(1),
    label("Uppdrag / Assignments", { weight: "Bolder" }),
    assignments.length ? { type: "FactSet", facts: assignments } : label("Inga uppdrag. / No assignments.", { isSubtle: true }),
  ];
  return adaptiveCard(body, [{ type: "Action.OpenUrl", title: "Protokollutkast / Protocol draft", url: tabUrl }]);
}
