import type { Person } from "@paragraf/shared";

/**
 * The demo body: a regional collaboration group of a region and its municipalities, shaped like the
 * reference protocols. Every person and place name is invented.
 */
export const demoBody = {
  id: "demo-lsg",
  name: "Länssamverkansgruppen Norrbygden",
  shortName: "LSG",
  dnrPrefix: "LSG",
};

const p = (id: string, name: string, organisation: string, roles: Person["roles"], extra: Partial<Person> = {}): Person => ({
  id, name, organisation, roles, ...extra,
});

/** The roster; people with a `userId` can sign in through the dev sign-in. */
export const demoRoster: Person[] = [
  p("p-astrid", "Astrid Lindqvist", "Älvby kommun", ["ordforande"], { userId: "dev-chair", title: "Socialchef" }),
  p("p-henrik", "Henrik Sundqvist", "Region Norrbygden", ["viceOrdforande"], { userId: "dev-vice", title: "Hälso- och sjukvårdsdirektör" }),
  p("p-maja", "Maja Öberg", "Storsjö kommun", ["ledamot"], { userId: "dev-adjuster", title: "Förvaltningschef" }),
  p("p-johan", "Johan Nyström", "Lillfors kommun", ["ledamot"], { userId: "dev-member" }),
  p("p-sara", "Sara Abdi", "Björkede kommun", ["ledamot"], { userId: "dev-adjuster2" }),
  p("p-olof", "Olof Granberg", "Norrviken kommun", ["ledamot"]),
  p("p-emelie", "Emelie Håkansson", "Vindsele kommun", ["ledamot"]),
  p("p-kerstin", "Kerstin Wikander", "Åmträsk kommun", ["ledamot"]),
  p("p-peter", "Peter Lundmark", "Region Norrbygden", ["ledamot"], { title: "Områdeschef primärvård" }),
  p("p-leila", "Leila Karimi", "Region Norrbygden", ["ledamot"], { title: "Områdeschef psykiatri" }),
  p("p-nils", "Nils Eriksson", "Lillfors kommun", ["ersattare"]),
  p("p-ingrid", "Ingrid Forsberg", "Storsjö kommun", ["ersattare"]),
  p("p-tove", "Tove Marklund", "Ordf. Beredning barn och unga", ["adjungerad"]),
  p("p-anders", "Anders Holm", "FoU Välfärd Norrbygden", ["adjungerad"]),
  p("p-karin", "Karin Sjöberg", "Region Norrbygden", ["tjansteperson"], { title: "Regional samordnare" }),
  p("p-elin", "Elin Strand", "Region Norrbygden", ["sekreterare"], { userId: "dev-secretary", title: "Nämndsekreterare" }),
];

/** Dev sign-in users: who they are and what they can try. */
export const demoUsers = [
  { userId: "dev-secretary", name: "Elin Strand", description: "Sekreterare — bygger dagordningen och skriver besluten / secretary" },
  { userId: "dev-chair", name: "Astrid Lindqvist", description: "Ordförande — leder mötet och justerar / chair" },
  { userId: "dev-adjuster", name: "Maja Öberg", description: "Justerare — justerar protokollet / adjuster" },
  { userId: "dev-adjuster2", name: "Sara Abdi", description: "Justerare — justerar protokollet / adjuster" },
  { userId: "dev-member", name: "Johan Nyström", description: "Ledamot — följer mötet / member" },
  { userId: "dev-guest", name: "Gunnar Gäst", description: "Gäst, ej i förteckningen — kan bara läsa / guest, read only" },
];
