/**
 * Long, varied protocol text for tests that need a large sealed PDF (a SharePoint upload session of
 * several 320 KiB chunks): Swedish-like sentences drawn from a seeded generator, with amounts, dates
 * and diarienummer, so the PDF's compression does not shrink it to a few kilobytes and every run
 * produces the same text.
 */

/** A deterministic pseudo-random source (mulberry32), so the long protocol is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "samverkan omställning nära vård kommunerna regionen uppföljning överenskommelse åtgärder äldre målgrupper processtöd " +
  "hälso- sjukvården socialtjänsten elevhälsan primärvården psykiatrin beroendevården hemsjukvården korttidsvården " +
  "läkemedelsgenomgångar vårdplanering utskrivningsklara patienter brukare anhöriga personal kompetensförsörjning " +
  "bemanning rekrytering introduktion handledning journalföring informationsöverföring digitala verktyg distansmöten " +
  "avvikelser riskanalyser egenkontroll kvalitetsregister indikatorer väntetider tillgänglighet kontinuitet trygghet " +
  "delaktighet jämlikhet barnrättsperspektivet ekonomiska ramar budget finansiering kostnadsfördelning avtal riktlinjer " +
  "rutiner ansvarsfördelning gränssnitt ledningsgrupp arbetsgrupp referensgrupp styrgrupp beredning tjänsteskrivelse " +
  "remissvar yttrande utredning kartläggning nulägesanalys handlingsplan aktivitetsplan tidplan delrapport slutrapport " +
  "förvaltningen nämnden fullmäktige länet närområdet Norrbygden Älvdalen Kustbyn Fjällsta Skogsåsen Östmark Västerby " +
  "under inom genom enligt efter innan mellan utifrån kring avseende gällande beträffande tillsammans respektive " +
  "fortsatt särskilt tydligt gemensamt successivt långsiktigt kortsiktigt regelbundet skyndsamt systematiskt"
).split(" ");
const verbs = ["föreslår", "konstaterar", "redovisar", "bedömer", "noterar", "rekommenderar", "understryker", "beskriver", "analyserar", "sammanfattar", "prioriterar", "följer upp"];
const subjects = ["Arbetsgruppen", "Beredningen", "Förvaltningen", "Styrgruppen", "Regionen", "Kommunerna", "Utredaren", "Referensgruppen", "Ledningsgruppen", "Projektledaren"];

/** Varied Swedish-like running text of about `chars` characters, in paragraphs separated by blank lines. */
export function longText(rnd: () => number, chars: number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 14);
    const parts = [pick(subjects), pick(verbs)];
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.05) parts.push(`${Math.floor(rnd() * 9_000) + 100} tkr`);
      else if (r < 0.09) parts.push(`${Math.floor(rnd() * 100)} procent`);
      else if (r < 0.12) parts.push(`2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`);
      else if (r < 0.16) parts.push(`dnr ${Math.floor(rnd() * 900) + 100}-2026`);
      else parts.push(pick(words) + (rnd() < 0.08 ? "," : ""));
    }
    return `${parts.join(" ").replace(/,$/, "")}.`;
  };
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences = Array.from({ length: 3 + Math.floor(rnd() * 5) }, sentence).join(" ");
    paragraphs.push(sentences);
    length += sentences.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, chars).replace(/\s+\S*$/, ".");
}
