import { adaptiveCard, label } from "./card-text";

const commands = [
  ["agenda / dagordning", "visar dagordningen / shows the agenda"],
  ["beslut / decisions", "visar besluten hittills / shows the decisions so far"],
  ["status", "visar justeringsstatus / shows the sign-off status"],
  ["koppla ‹mötes-id› / link ‹meeting id›", "kopplar chatten till ett möte / links this chat to a meeting"],
  ["hjälp / help", "visar detta / shows this"],
];

/** What the bot does and how to start: shown when it is added to a chat or team. */
export function welcomeCard(tabUrl: string): ReturnType<typeof adaptiveCard> {
  return adaptiveCard([
    label("Paragraf", { size: "Large", weight: "Bolder" }),
    label("Jag lägger in dagordningen när mötet börjar, sammanfattar varje beslut i chatten och samlar in justeringen av protokollet. / I post the agenda when the meeting starts, summarise each decision in this chat and collect the sign-off of the protocol."),
    label("Kom igång: lägg till fliken Paragraf i mötet och välj organ, eller skriv **koppla ‹mötes-id›**. / Get started: add the Paragraf tab to the meeting and choose the body, or type **link ‹meeting id›**.", { isSubtle: true }),
    ...helpRows(),
  ], [{ type: "Action.OpenUrl", title: "Öppna Paragraf / Open Paragraf", url: tabUrl }]);
}

/** The command list. */
export function helpCard(): ReturnType<typeof adaptiveCard> {
  return adaptiveCard([label("Kommandon / Commands", { size: "Large", weight: "Bolder" }), ...helpRows()]);
}

function helpRows() {
  return [{ type: "FactSet", facts: commands.map(([title, value]) => ({ title, value })) }];
}

/** A short message card (errors, confirmations) in both languages. */
export function noticeCard(sv: string, en: string): ReturnType<typeof adaptiveCard> {
  return adaptiveCard([label(sv), label(en, { isSubtle: true })]);
}
