/**
 * The closed set of domain error codes, each with a Swedish and an English message.
 * The API maps them to HTTP statuses; the tab shows the message, never a stack.
 */
export const domainErrorMessages = {
  forbidden: { sv: "Du har inte behörighet att göra detta.", en: "You are not allowed to do this.", status: 403 },
  notFound: { sv: "Det efterfrågade hittades inte.", en: "The requested item was not found.", status: 404 },
  itemNotFound: { sv: "Ärendet finns inte på dagordningen.", en: "The item is not on the agenda.", status: 404 },
  personNotFound: { sv: "Personen finns inte i organets förteckning.", en: "The person is not on the body's roster.", status: 422 },
  invalidState: { sv: "Åtgärden är inte möjlig i mötets nuvarande läge.", en: "This action is not possible in the meeting's current state.", status: 409 },
  sealed: { sv: "Protokollet är justerat och kan inte ändras.", en: "The protocol is sealed and cannot be changed.", status: 409 },
  itemWithdrawn: { sv: "Ärendet är struket från dagordningen.", en: "The item has been withdrawn from the agenda.", status: 409 },
  itemHandled: { sv: "Ärendet är redan behandlat.", en: "The item has already been handled.", status: 409 },
  standardItemLocked: { sv: "Standardpunkten kan inte tas bort.", en: "This standard item cannot be removed.", status: 422 },
  duplicateId: { sv: "Det finns redan en post med samma id.", en: "An entry with the same id already exists.", status: 409 },
  decisionRequired: { sv: "Ärendet kan inte stängas utan beslut.", en: "The item cannot be closed without a decision.", status: 422 },
  clausesRequired: { sv: "Ett beslut behöver minst en att-sats.", en: "A decision needs at least one att-clause.", status: 422 },
  motivationRequired: { sv: "Återremiss kräver en motivering.", en: "A referral back needs a motivation.", status: 422 },
  recipientRequired: { sv: "Ange vilket organ ärendet går vidare till.", en: "Name the body the item is forwarded to.", status: 422 },
  invalidParagraphRange: { sv: "Paragrafintervallet är ogiltigt.", en: "The paragraph range is invalid.", status: 422 },
  conflictOfInterest: { sv: "En jävig ledamot kan inte reservera sig i ärendet.", en: "A member with a conflict of interest cannot dissent on the item.", status: 422 },
  notSignatory: { sv: "Du är inte justerare för detta protokoll.", en: "You are not a signatory of this protocol.", status: 403 },
  alreadySigned: { sv: "Du har redan justerat denna version.", en: "You have already signed this version.", status: 409 },
  staleProtocol: { sv: "Protokollet har ändrats sedan du öppnade det. Läs den aktuella versionen.", en: "The protocol has changed since you opened it. Read the current version.", status: 409 },
  noSignatories: { sv: "Protokollet saknar justerare. Välj justerare och ordförande först.", en: "The protocol has no signatories. Choose the adjusters and the chair first.", status: 422 },
  conflict: { sv: "Någon annan har ändrat mötet samtidigt. Hämta den senaste versionen.", en: "Someone else changed the meeting at the same time. Load the latest version.", status: 409 },
  validation: { sv: "Uppgifterna är ogiltiga.", en: "The input is invalid.", status: 400 },
  unauthenticated: { sv: "Du behöver logga in.", en: "You need to sign in.", status: 401 },
  payloadTooLarge: { sv: "Förfrågan är för stor.", en: "The request is too large.", status: 413 },
  unsupportedMediaType: { sv: "Förfrågan måste vara JSON.", en: "The request must be JSON.", status: 415 },
  internal: { sv: "Ett oväntat fel inträffade. Inget har sparats som inte bekräftats.", en: "An unexpected error occurred. Nothing unconfirmed was saved.", status: 500 },
} as const;

/** A domain error code. */
export type DomainErrorCode = keyof typeof domainErrorMessages;

/** A typed domain error: a code plus optional details; messages come from the catalogue. */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a domain error value. */
export function domainError(code: DomainErrorCode, details?: Record<string, unknown>): DomainError {
  return details ? { code, details } : { code };
}

/** The result of a pure rule: either a value or a domain error. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a success value. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** Wraps a domain error. */
export const fail = (code: DomainErrorCode, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: domainError(code, details),
});
