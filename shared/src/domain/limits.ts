/** Size limits for user text, shared by the API validation and the tab's forms. */
export const Limits = {
  maxTitleLength: 300,
  maxNameLength: 200,
  maxBackgroundLength: 20_000,
  maxClauseLength: 4_000,
  maxClauses: 50,
  maxMotivationLength: 4_000,
  maxTaskLength: 2_000,
  maxAttachments: 30,
  maxPresenters: 20,
  maxItems: 400,
  maxRosterSize: 500,
  maxUrlLength: 2_000,
  maxRequestBytes: 256 * 1024,
} as const;
