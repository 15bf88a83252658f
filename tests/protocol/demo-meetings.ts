/**
 * Demo meetings for the protocol goldens, the property test and the benchmark, built through the
 * real `decide` and `foldEvents` with a fixed clock and fixed ids. People are invented; the
 * structure follows the reference protocols in shared/reference/protocols.
 */
import {
  buildProtocolDocument, decide, foldEvents, type Decision, planMeeting, type Actor, type Body, type ItemContent, type MeetingCommand, type MeetingState,
  type Person, type ProtocolDocument, type ProtocolOptions, type StoredEvent,
} from "@paragraf/shared";

/** A meeting being run: its state, a clock that advances a minute per command, and who acts. */
export class MeetingScript {
  private minute = 0;
  constructor(public state: MeetingState, private readonly body: Body, private readonly start: Date) {}

  /** Runs a command as the roster user, folding its events; throws on a domain error. */
  do(userId: string, command: MeetingCommand): this {
    const person = this.body.roster.find((p) => p.userId === userId);
    const actor: Actor = person ? { userId, personId: person.id, name: person.name } : { userId, name: userId };
    const now = new Date(this.start.getTime() + this.minute++ * 60_000);
    const r = decide(this.state, command, actor, now);
    if (!r.ok) throw new Error(`${command.type} by ${userId}: ${r.error.code} ${JSON.stringify(r.error.details ?? {})}`);
    const stored: StoredEvent[] = r.value.map((event, i) => ({ seq: this.state.seq + i + 1, at: now.toISOString(), actor, event }));
    this.state = foldEvents(this.state.tenantId, this.state.id, stored, this.state);
    return this;
  }

  /** Moves the clock to a time (for justering days after the meeting). */
  at(iso: string): this {
    this.minute = Math.round((new Date(iso).getTime() - this.start.getTime()) / 60_000);
    return this;
  }

  /** The protocol document of the current state. */
  document(options: ProtocolOptions = {}): ProtocolDocument {
    return buildProtocolDocument(this.state, this.body, options);
  }

  /** Sends the current draft for justering and has every signatory sign its hash. */
  sealAll(secretary: string, when: string[]): this {
    const hash = this.document().hash;
    this.do(secretary, { type: "protocol.sendForJustering", hash });
    this.state.protocol.signatories.forEach((s, i) => {
      const user = this.body.roster.find((p) => p.id === s.personId)?.userId ?? "";
      this.at(when[i] ?? when.at(-1) ?? "").do(user, { type: "protocol.sign", hash });
    });
    return this;
  }

  get meetingBody(): Body {
    return this.body;
  }
}

const person = (id: string, name: string, organisation: string, roles: Person["roles"], party?: string): Person => ({
  id, name, organisation, roles, userId: `u-${id}`, ...(party ? { party } : {}),
});

const body = (id: string, name: string, roster: Person[], settings: Partial<Body["settings"]> = {}): Body => ({
  id, tenantId: "demo-tenant", name, dnrPrefix: "HSN", version: 1, roster,
  settings: {
    signatoryRule: "chairAndAdjusters", secretarySigns: true, documentType: "protokoll", justeringDays: 14, seriesStarts: {}, defaultPlace: "Teams",
    ...settings,
  },
});

/** Starts a meeting of a body with the standard agenda and fixed item ids. */
export function startMeeting(b: Body, meetingId: string, details: MeetingState["details"], firstParagraph: number): MeetingScript {
  let n = 0;
  const events = planMeeting({ body: b, meetingId, details, firstParagraph, standardAgenda: true, newId: () => `${meetingId}-std${n++}` });
  const at = `${details.date}T06:00:00.000Z`;
  const stored: StoredEvent[] = events.map((event, i) => ({ seq: i + 1, at, actor: { userId: "u-sec", name: "Sekreterare" }, event }));
  return new MeetingScript(foldEvents(b.tenantId, meetingId, stored), b, new Date(`${details.date}T06:30:00.000Z`));
}

const item = (kind: ItemContent["kind"], title: string, extra: Partial<ItemContent> = {}): ItemContent => ({
  kind, title, presenters: [], background: "", attachments: [], ...extra,
});

/** Länssamverkansgruppen's roster: chair, vice chair, municipal and regional members, a substitute, co-opted, officials, secretary. */
export function lsgBody(): Body {
  return body("lsg", "Länssamverkansgruppen", [
    person("ordf", "Petra Holmgren", "Umeå kommun", ["ordforande"]),
    person("vice", "Ingrid Zetterlund", "Region Västerbotten", ["viceOrdforande"]),
    person("dor", "Gösta Bäckström", "Dorotea kommun", ["ledamot"]),
    person("lyc", "Karin Åström", "Lycksele kommun", ["ledamot"]),
    person("lyc2", "Jenny Öberg", "Lycksele kommun", ["ersattare"]),
    person("mal", "Johan Olofsson", "Malå kommun", ["ledamot"]),
    person("nor", "Anders Wikner", "Nordmalings kommun", ["ledamot"]),
    person("ske", "Katarina Wiklund", "Skellefteå kommun", ["ledamot"]),
    person("ske2", "Daniel Johansson", "Skellefteå kommun", ["ledamot"]),
    person("sto", "Helena Strand", "Storumans kommun", ["ledamot"]),
    person("vin", "Jimmy Lindqvist", "Vindelns kommun", ["ledamot"]),
    person("vna", "Ulla Westberg", "Vännäs kommun", ["ledamot"]),
    person("ase", "Eva-Lotta Jonsson", "Åsele kommun", ["ledamot"]),
    person("reg1", "Anna-Maria Sténlund", "Region Västerbotten", ["ledamot"]),
    person("reg2", "Christer Wallin", "Region Västerbotten", ["ledamot"]),
    person("fou", "Monika Wahlberg", "FoU Socialtjänst", ["adjungerad"]),
    person("hmk", "Sofia Öhman", "Regional hjälpmedelskoordinator", ["tjansteperson"]),
    person("sec", "Katarina Lindberg", "Regional samverkanskoordinator", ["sekreterare"]),
  ]);
}

/** Golden 1: a decision-heavy meeting, sealed by secretary, chair and adjuster. */
export function decisionHeavyMeeting(): MeetingScript {
  const s = startMeeting(lsgBody(), "lsg-2026-02", { date: "2026-02-20", startTime: "08:15", endTime: "12:00", place: "Teams", dnr: "HSN 129-2026" }, 1);
  const sec = "u-sec";
  s.do(sec, { type: "agenda.addItem", itemId: "fasta", content: item("decision", "Implementering av dokumenterad överenskommelse – fasta vårdkontakter och SIP", {
    presenters: ["Sofie Tängvall", "Dagny Schröder"],
    background: "I november 2024 gav Länssamverkansgruppen en arbetsgrupp i uppdrag att utarbeta en modell för implementering av den dokumenterade överenskommelse som ingår i SIP (samordnad individuell plan).\n\nUttrycket ”patientkontrakt” har nationellt ändrats till dokumenterad överenskommelse och innehåller fast läkarkontakt, fast omsorgskontakt och fast vårdkontakt med samordningsansvar.",
    attachments: [{ title: "Bilaga 3. Fasta kontakter och SIP i personcentrerad vård och omsorg" }],
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "egenvard", content: item("decision", "Reviderad överenskommelse – egenvård", {
    presenters: ["Sofie Tängvall"],
    background: "Den 1 januari 2023 infördes lagen om egenvård (2022:1250). Länsöverenskommelsen från 2016 har reviderats av en länsarbetsgrupp.",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "lifecare", content: item("decision", "Aktuellt läge implementering Lifecare sammanhållen plan", {
    presenters: ["Camilla Ahlström", "Anders Wik"],
    background: "Driftsättningen är planerad till den 26 mars, följt av en två månader lång provperiod.",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "beredningar", content: item("writtenDecision", "Representanter beredningar och råd") });
  s.do(sec, { type: "agenda.addItem", itemId: "statsbidrag", content: item("information", "Förordning för statsbidrag God och nära vård", {
    presenters: ["Gunilla Lidström"],
    background: "Regeringen övergår från årliga överenskommelser med SKR till att styra genom en förordning.",
    attachments: [{ title: "Socialstyrelsens sida om statsbidrag", url: "https://statsbidrag.socialstyrelsen.se/regioner/god-och-nara-vard/" }],
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "samrad", content: item("toOtherBody", "Ärenden till Samråd vård och omsorg", {
    background: "Aktuellt läge implementering Lifecare sammanhållen plan. Reviderad överenskommelse – egenvård.",
  }) });
  s.do(sec, { type: "agenda.publish" });
  s.do(sec, { type: "agenda.moveItem", itemId: "lifecare", toIndex: 4 });
  s.do(sec, { type: "roles.assign", adjusterIds: ["ske"] });
  for (const id of ["ordf", "vice", "dor", "mal", "nor", "ske", "sto", "vin", "vna", "ase", "reg1", "reg2", "fou", "hmk"]) {
    s.do(sec, { type: "attendance.mark", personId: id, attendance: { status: "present" } });
  }
  s.do(sec, { type: "attendance.mark", personId: "lyc", attendance: { status: "absent" } });
  s.do(sec, { type: "attendance.mark", personId: "ske2", attendance: { status: "absent" } });
  s.do(sec, { type: "attendance.mark", personId: "lyc2", attendance: { status: "present", substituteFor: "lyc" } });
  s.do(sec, { type: "attendance.mark", personId: "sec", attendance: { status: "present" } });
  s.do("u-ordf", { type: "meeting.open" });
  const close = (itemId: string, decision: Decision) => {
    s.do("u-ordf", { type: "item.open", itemId });
    s.do(sec, { type: "item.close", itemId, decision });
  };
  const std = (n: number) => `lsg-2026-02-std${n}`;
  close(std(0), { outcome: "informationNoted", clauses: ["Ordföranden öppnar mötet och hälsar alla välkomna"] });
  close(std(1), { outcome: "decided", clauses: ["utse Katarina Wiklund att jämte ordföranden justera dagens protokoll"] });
  close(std(2), { outcome: "decided", clauses: ["godkänna dagordningen med ändringen"] });
  close(std(3), { outcome: "decided", clauses: ["godkänna föregående protokoll och lägga det till handlingarna"] });
  close("fasta", { outcome: "decided", clauses: [
    "anta dokumentet ”Fasta kontakter och SIP i personcentrerad vård och omsorg i Västerbotten” som underlag för utvecklingsarbete och spridning",
    "säkerställa att processtöd finns från hälso- och sjukvårdsförvaltningen och FoU Socialtjänst",
  ] });
  s.do(sec, { type: "assignment.add", itemId: "fasta", assignment: { id: "a1", owner: "Socialchefsnätverket", task: "återkoppla om införandet till Länssamverkansgruppen", due: "2026-12-11" } });
  close("egenvard", { outcome: "decided", followUpDate: "2026-09-18", clauses: [
    "anta den reviderade överenskommelsen och länsrutinen om egenvård, att gälla från den 1 april 2026",
    "säkerställa att processtöd finns för utbildningsinsatser kring gemensamma målgrupper",
    "godkänna tillägg och förtydliganden kring egenvård vid hjälp med medicintekniska produkter",
  ] });
  close("beredningar", { outcome: "decided", clauses: ["godkänna beredningarnas och rådens sammansättning"] });
  close("lifecare", { outcome: "recommendation", recipient: "kommunerna i Västerbotten", clauses: [
    "tillsätta tre administratörer som samordnade informationsbärare mellan kommunerna, Regionen och systemleverantören",
  ] });
  s.do(sec, { type: "assignment.add", itemId: "lifecare", assignment: { id: "a2", owner: "Utsedd referensgrupp", task: "delta i uppföljningsarbetet tillsammans med Lifecare SP förvaltning", due: "2027-02-19" } });
  close("statsbidrag", { outcome: "informationNoted", clauses: [] });
  close("samrad", { outcome: "forwarded", recipient: "Samråd vård och omsorg", clauses: ["Lifecare sammanhållen plan och reviderad överenskommelse om egenvård lyfts till Samråd vård och omsorg"] });
  close(std(4), { outcome: "informationNoted", clauses: ["Rekryteringen av nya samverkanskoordinatorer är avslutad"] });
  s.do(sec, { type: "agenda.editItem", itemId: std(5), content: { background: "Fredag den 10 april 2026 kl. 08.15–12.00 i Teams." } });
  close(std(5), { outcome: "informationNoted", clauses: [] });
  close(std(6), { outcome: "informationNoted", clauses: ["Ordföranden avslutar mötet"] });
  s.do("u-ordf", { type: "meeting.close" });
  return s.sealAll(sec, ["2026-02-23T13:06:22.000Z", "2026-02-24T08:16:58.000Z", "2026-02-26T14:47:23.000Z"]);
}

/** Samråd vård och omsorg: politicians with party letters. */
export function samradBody(): Body {
  return body("samrad", "Samråd vård och omsorg", [
    person("cn", "Carina Nyström", "Umeå kommun", ["ordforande"], "s"),
    person("ad", "Anna-Lena Dahlberg", "Region Västerbotten", ["viceOrdforande"], "s"),
    person("aw", "Annika Wiberg", "Vilhelmina kommun", ["ledamot"], "s"),
    person("bh", "Bengt Holmström", "Dorotea kommun", ["ledamot"], "c"),
    person("es", "Eva Stugård", "Lycksele kommun", ["ledamot"], "m"),
    person("fs", "Fredrik Stenlund", "Skellefteå kommun", ["ledamot"], "s"),
    person("is", "Inger Sjölund", "Sorsele kommun", ["ledamot"], "v"),
    person("kb", "Kjell Bäckström", "Region Västerbotten", ["ledamot"], "v"),
    person("hj", "Henrik Jakobsson", "Vännäs kommun", ["ledamot"], "s"),
    person("me", "Magnus Eriksson", "Norsjö kommun", ["ersattare"], "s"),
    person("ln", "Linnea Lindgren", "Åsele kommun", ["ersattare"], "åp"),
    person("bt", "Britta Edlund", "Regional samverkanskoordinator", ["tjansteperson"]),
    person("kl", "Katarina Lindberg", "Regional samverkanskoordinator", ["sekreterare"]),
  ]);
}

/** Golden 2: tabling, referral back, reservation, jäv, partial attendance, substitutes and a mötesordförande. */
export function contestedMeeting(): MeetingScript {
  const s = startMeeting(samradBody(), "samrad-2026-03", { date: "2026-03-19", startTime: "08:00", endTime: "11:00", place: "Regionens hus, Umeå", dnr: "HSN 418:1-2026" }, 10);
  const sec = "u-kl";
  s.do(sec, { type: "agenda.addItem", itemId: "hjalpmedel", content: item("decision", "Hjälpmedelsfrågor – sortimentsprocessen", {
    presenters: ["Katarina Lindberg", "Britta Edlund"],
    background: "Utredarna föreslår en definition av begreppet hjälpmedelssortiment och en struktur för beslut om individuella avsteg.",
    attachments: [{ title: "Bilaga 6. Förslag till arbetsordning för sortimentsprocessen" }, { title: "Bilaga 6.1. Förslag till beslut" }],
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "lakare", content: item("decision", "Avtal om läkarmedverkan i särskilt boende", {
    presenters: ["Ronny Lestrand"], background: "Avtalet om läkarmedverkan ses över, i första steget för särskilt boende.",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "ambulans", content: item("decision", "Samverkande sjukvård – ambulanssjukvården", {
    presenters: ["Jani Sundberg"], background: "Förslag om utbildning av kommunala sjuksköterskor i väntan på ambulans (IVPA).",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "lokaler", content: item("decision", "Gemensamma lokaler för Centrum mot våld i södra Lappland", {
    background: "Förslag om hyresavtal för gemensamma lokaler i Lycksele.",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "dialog", content: item("oralInformation", "Nulägesbild vårdplatser", { presenters: ["Johan Thunström"] }) });
  s.do(sec, { type: "agenda.publish" });
  s.do(sec, { type: "agenda.withdrawItem", itemId: "dialog", reason: "Föredraganden har förhinder; ärendet tas upp på nästa möte." });
  s.do(sec, { type: "agenda.addItem", itemId: "extra", content: item("information", "Information om sommarens vårdplatsläge"), index: 9 });
  s.do(sec, { type: "roles.assign", chairPersonId: "ad", adjusterIds: ["bh"] });
  s.do(sec, { type: "attendance.mark", personId: "cn", attendance: { status: "absent" } });
  s.do(sec, { type: "attendance.mark", personId: "hj", attendance: { status: "absent" } });
  for (const id of ["ad", "bh", "es", "fs", "kb", "bt", "kl"]) s.do(sec, { type: "attendance.mark", personId: id, attendance: { status: "present" } });
  s.do(sec, { type: "attendance.mark", personId: "me", attendance: { status: "present", substituteFor: "cn" } });
  s.do(sec, { type: "attendance.mark", personId: "ln", attendance: { status: "partial", substituteFor: "hj", fromParagraph: 14 } });
  s.do(sec, { type: "attendance.mark", personId: "aw", attendance: { status: "partial", toParagraph: 15 } });
  s.do(sec, { type: "attendance.mark", personId: "is", attendance: { status: "partial", toParagraph: 16, note: "frånvaro eftermiddag" } });
  s.do("u-ad", { type: "meeting.open" });
  const close = (itemId: string, decision: Decision) => {
    s.do("u-ad", { type: "item.open", itemId });
    s.do(sec, { type: "item.close", itemId, decision });
  };
  const std = (n: number) => `samrad-2026-03-std${n}`;
  close(std(0), { outcome: "informationNoted", clauses: ["Mötesordföranden öppnar mötet"] });
  close(std(1), { outcome: "decided", clauses: ["utse Bengt Holmström (c) att jämte mötesordföranden justera protokollet"] });
  close(std(2), { outcome: "decided", clauses: ["godkänna föredragningslistan med ändringarna"] });
  close(std(3), { outcome: "decided", clauses: ["lägga föregående protokoll till handlingarna"] });
  s.do("u-ad", { type: "item.open", itemId: "hjalpmedel" });
  s.do(sec, { type: "decision.record", itemId: "hjalpmedel", decision: { outcome: "decided", vote: { yes: 7, no: 2, abstain: 0 }, clauses: [
    "överlämna utredningen till Hälso- och sjukvårdsnämnden för beslut om definition av sortimentsbegreppet",
    "uppdra till Hjälpmedel Västerbotten att ta fram riktlinjer för individuella avsteg från sortimentet",
  ] } });
  s.do(sec, { type: "reservation.record", itemId: "hjalpmedel", reservation: { personId: "kb", motivation: "Riktlinjerna bör beslutas av varje huvudman för sig." } });
  s.do(sec, { type: "reservation.record", itemId: "hjalpmedel", reservation: { personId: "is" } });
  s.do(sec, { type: "item.close", itemId: "hjalpmedel" });
  close("lakare", { outcome: "tabled", clauses: [], motivation: "Avtalsförslaget kom in för sent för att kunna beredas." });
  close("ambulans", { outcome: "referredBack", clauses: [], motivation: "Kostnaderna för kommunerna behöver utredas innan beslut." });
  s.do(sec, { type: "conflict.declare", itemId: "lokaler", conflict: { personId: "es", note: "Eva Stugård är styrelseledamot i det fastighetsbolag som hyr ut lokalerna." } });
  close("lokaler", { outcome: "decided", clauses: ["godkänna hyresavtalet för gemensamma lokaler i Lycksele"] });
  close("extra", { outcome: "informationNoted", clauses: [] });
  close(std(4), { outcome: "informationNoted", clauses: [] });
  close(std(5), { outcome: "informationNoted", clauses: ["Nästa möte hålls fredag den 11 juni kl. 08.00–12.00"] });
  close(std(6), { outcome: "informationNoted", clauses: [] });
  s.do("u-ad", { type: "meeting.close" });
  return s;
}

/** The co-hosting body of the joint meeting, with its attendees (the domain holds one body per meeting). */
export const jointSamrad: ProtocolOptions["jointWith"] = [{
  bodyName: "Samråd vård och omsorg",
  attendees: [
    { name: "Carina Nyström", party: "s", organisation: "Umeå kommun", status: "present", notes: ["ordförande"] },
    { name: "Annika Wiberg", party: "s", organisation: "Vilhelmina kommun", status: "present" },
    { name: "Kjell Bäckström", party: "v", organisation: "Region Västerbotten", status: "present" },
    { name: "Henrik Jakobsson", party: "s", organisation: "Vännäs kommun", status: "absent" },
  ],
}];

/** Golden 3: a joint meeting of Länssamverkansgruppen and Samråd vård och omsorg (ledningsseminarium). */
export function jointMeeting(): MeetingScript {
  const s = startMeeting(lsgBody(), "joint-2026-06", { date: "2026-06-02", startTime: "09:00", endTime: "15:30", place: "Lycksele", title: "Gemensamt sammanträde – ledningsseminarium", dnr: "HSN 700-2026" }, 40);
  const sec = "u-sec";
  s.do(sec, { type: "agenda.addItem", itemId: "farplan", content: item("decision", "Färdplan Nära vård i Västerbotten 2030", {
    presenters: ["Katarina Lindberg"], background: "Färdplanen har processats med brukar- och patientorganisationer samt fackliga organisationer.",
  }) });
  s.do(sec, { type: "agenda.addItem", itemId: "system", content: item("information", "Systemledning för Nära vård", { presenters: ["Dag Norberg"] }) });
  s.do(sec, { type: "roles.assign", adjusterIds: ["nor"] });
  for (const id of ["ordf", "vice", "dor", "mal", "nor", "ske", "sec"]) s.do(sec, { type: "attendance.mark", personId: id, attendance: { status: "present" } });
  for (const id of ["lyc", "ske2", "sto", "vin", "vna", "ase", "reg1", "reg2"]) s.do(sec, { type: "attendance.mark", personId: id, attendance: { status: "absent" } });
  s.do("u-ordf", { type: "meeting.open" });
  const close = (itemId: string, decision: Decision) => {
    s.do("u-ordf", { type: "item.open", itemId });
    s.do(sec, { type: "item.close", itemId, decision });
  };
  close("farplan", { outcome: "recommendation", recipient: "kommunerna i Västerbotten och Region Västerbotten", clauses: [
    "fastställa färdplanen för Nära vård i Västerbotten 2030",
    "fastställa att Länssamverkansgruppen och Samråd vård och omsorg utgör systemledning för Nära vård",
  ] });
  close("system", { outcome: "informationNoted", clauses: [] });
  s.do("u-ordf", { type: "meeting.close" });
  return s;
}

/** A meeting of `count` paragraphs with long background text (for overflow and bench); a salt makes every word new. */
export function largeMeeting(count: number, backgroundWords = 180, salt = ""): MeetingScript {
  const s = startMeeting(lsgBody(), `large-${count}`, { date: "2026-10-16", startTime: "08:00", endTime: "16:00", place: "Teams", dnr: "HSN 999-2026" }, 1);
  const sec = "u-sec";
  const words = ["samverkan", "omställning", "nära", "vård", "kommunerna", "regionen", "uppföljning", "överenskommelse", "åtgärder", "äldre", "målgrupper", "processtöd"];
  for (let i = 1; i <= count; i++) {
    const text = Array.from({ length: backgroundWords }, (_, k) => `${words[(i * 7 + k) % words.length]}${salt ? `${salt}${k % 9}` : ""}`).join(" ");
    s.do(sec, { type: "agenda.addItem", itemId: `p${i}`, content: item(i % 3 === 0 ? "information" : "decision", `Ärende nummer ${i} om ${words[i % words.length]}`, {
      presenters: ["Föredragande Person"], background: `${text} slutord${i}.`,
    }) });
  }
  s.do(sec, { type: "roles.assign", adjusterIds: ["ske"] });
  s.do("u-ordf", { type: "meeting.open" });
  for (let i = 1; i <= count; i++) {
    s.do(sec, { type: "decision.record", itemId: `p${i}`, decision: i % 3 === 0
      ? { outcome: "informationNoted", clauses: [] }
      : { outcome: "decided", clauses: [`anta förslaget i ärende ${i}`, `uppdra åt beredningen att följa upp ärende ${i} och återkomma`] } });
  }
  return s;
}
