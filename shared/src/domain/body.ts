import { z } from "zod";
import { Limits } from "./limits";

/** An opaque id: letters, digits, dash and underscore (UUIDs fit). */
export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "invalid id");
export type Id = z.infer<typeof IdSchema>;

/** A calendar date YYYY-MM-DD. */
export const DateSchema = z.iso.date();
/** A time of day HH:MM. */
export const TimeSchema = z.string().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, "expected HH:MM");

const text = (max: number) => z.string().trim().max(max);

/** Roles a person can hold in a body's roster. */
export const BodyRoleSchema = z.enum([
  "ordforande", // chair
  "viceOrdforande", // vice chair
  "ledamot", // member
  "ersattare", // substitute
  "adjungerad", // co-opted: may speak, does not decide
  "tjansteperson", // official
  "sekreterare", // secretary
]);
export type BodyRole = z.infer<typeof BodyRoleSchema>;

/** Roles that decide (and may dissent or sign as members). */
export const decidingRoles: readonly BodyRole[] = ["ordforande", "viceOrdforande", "ledamot", "ersattare"];

/** A person on a body's roster; `userId` links them to their Entra object id. */
export const PersonSchema = z.object({
  id: IdSchema,
  name: text(Limits.maxNameLength).min(1),
  organisation: text(Limits.maxNameLength).default(""),
  party: text(20).optional(),
  title: text(Limits.maxNameLength).optional(),
  roles: z.array(BodyRoleSchema).min(1).max(7),
  userId: z.string().max(64).optional(),
  email: z.email().max(320).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** Who must sign the protocol: the chair with the adjusters, or every present member. */
export const SignatoryRuleSchema = z.enum(["chairAndAdjusters", "allMembers"]);
export type SignatoryRule = z.infer<typeof SignatoryRuleSchema>;

/**
 * Where a body's protocols are filed in SharePoint, overriding the service's configured library:
 * the default document library of a Microsoft 365 group (a team), or a drive by id (on a site).
 * `folder` is the library folder under which `‹body›/‹year›` is created.
 */
export const ArchiveTargetSchema = z.union([
  z.object({ groupId: z.string().trim().min(1).max(100), folder: text(300).optional() }).strict(),
  z.object({ siteId: z.string().trim().min(1).max(300).optional(), driveId: z.string().trim().min(1).max(300), folder: text(300).optional() }).strict(),
]);
export type ArchiveTarget = z.infer<typeof ArchiveTargetSchema>;

/** A body's settings that shape its meetings and protocols. */
export const BodySettingsSchema = z.object({
  signatoryRule: SignatoryRuleSchema.default("chairAndAdjusters"),
  secretarySigns: z.boolean().default(true),
  documentType: z.enum(["protokoll", "minnesanteckningar"]).default("protokoll"),
  justeringDays: z.number().int().min(1).max(90).default(14),
  /** First paragraph number of a year when the body starts using Paragraf mid-series. */
  seriesStarts: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(1).max(100_000)).default({}),
  defaultPlace: text(200).default("Teams"),
});
export type BodySettings = z.infer<typeof BodySettingsSchema>;

/** A body (organ): a board, committee or collaboration group that meets and keeps protocols. */
export const BodySchema = z.object({
  id: IdSchema,
  tenantId: z.string().min(1).max(64),
  name: text(Limits.maxNameLength).min(1),
  shortName: text(40).optional(),
  dnrPrefix: text(40).default(""),
  roster: z.array(PersonSchema).max(Limits.maxRosterSize),
  settings: BodySettingsSchema,
  /** Optional SharePoint target for this body's protocols (absent: the service's configured library). */
  archiveTarget: ArchiveTargetSchema.optional(),
  version: z.number().int().min(0),
});
export type Body = z.infer<typeof BodySchema>;

/**
 * Finds a roster person: by their linked user id (Entra object id), else — for a person entered
 * with an e-mail address and no user id yet — by the sign-in name (UPN) matching that address,
 * case-insensitively. A person linked to a user id is never matched by name, so a renamed or
 * recycled address cannot take over a linked person.
 */
export function findPersonByUser(roster: readonly Person[], userId: string, logins?: string | readonly string[]): Person | undefined {
  const byId = roster.find((p) => p.userId === userId);
  if (byId || !logins) return byId;
  const names = new Set((typeof logins === "string" ? [logins] : logins).map((l) => l.trim().toLowerCase()).filter(Boolean));
  return names.size ? roster.find((p) => p.userId === undefined && p.email !== undefined && names.has(p.email.toLowerCase())) : undefined;
}
