import type { ItemContent } from "@paragraf/shared";

const item = (kind: ItemContent["kind"], title: string, presenters: string[], background: string, attachments: ItemContent["attachments"] = []): ItemContent => ({
  kind, title, presenters, background, attachments,
});

/** The demo meeting's own items, placed between the standard opening and closing items. */
export const demoItems: ItemContent[] = [
  item("assignmentFollowUp", "Återkoppling av uppdrag: kartläggning av korttidsplatser", ["Karin Sjöberg"],
    "Vid förra mötet fick socialchefsnätverket i uppdrag att kartlägga tillgången till korttidsplatser i länet och återkoppla till Länssamverkansgruppen."),
  item("decision", "Reviderad länsöverenskommelse om egenvård", ["Karin Sjöberg", "Anders Holm"],
    "Länsöverenskommelsen om egenvård från 2017 har reviderats av en länsarbetsgrupp utifrån lagen om egenvård (2022:1250) och Socialstyrelsens kunskapsstöd. Överenskommelsen består av länsöverenskommelse, länsrutin och bilagor med checklistor.",
    [{ title: "Bilaga 1 – Reviderad länsöverenskommelse egenvård" }, { title: "Bilaga 2 – Länsrutin egenvård" }]),
  item("decision", "Uppföljning av utskrivningsklara patienter helår", ["Peter Lundmark"],
    "Processledarna har varje månad följt upp utskrivningsklara patienter per kommun. Uppföljningen av effektmålen för helåret visar på variationer i länet."),
  item("writtenDecision", "Representanter i beredningar och råd", [],
    "Förslag på sammansättning av beredningar och råd har skickats ut med kallelsen.", [{ title: "Bilaga 3 – Sammansättning beredningar" }]),
  item("information", "Införande av nytt IT-stöd för samordnad planering", ["Leila Karimi"],
    "Driftsättningen av det nya IT-stödet är planerad till våren, följt av en provperiod på två månader. En systemövergångsplan finns.",
    [{ title: "Bildspel", url: "https://example.org/paragraf-demo/bildspel-it-stod.pdf" }]),
  item("decision", "Strategiska insatser inom psykisk hälsa och suicidprevention", ["Anders Holm"],
    "Överenskommelsen mellan staten och SKR omfattar fyra delområden. Förslaget är att medlen fördelas enligt samma modell som föregående år."),
  item("oralInformation", "Information från beredningen barn och unga", ["Tove Marklund"], "Muntlig lägesrapport från beredningens senaste möte."),
  item("toOtherBody", "Ärenden till Samråd vård och omsorg", [], "Ärenden som Länssamverkansgruppen lämnar vidare till det politiska samrådet."),
];
