/** @paragraf/shared — the pure domain core, contracts and ports shared by the service and the tab. */
export * from "./domain/errors";
export * from "./domain/limits";
export * from "./domain/body";
export * from "./domain/meeting-types";
export * from "./domain/events";
export * from "./domain/commands";
export * from "./domain/apply";
export * from "./domain/numbering";
export * from "./domain/roles";
export * from "./domain/decide";
export * from "./domain/plan-meeting";
export * from "./domain/projections";
export * from "./domain/archive-status";
export * from "./ports/meeting-store";
export * from "./ports/protocol-archive";
export * from "./contracts/api";
export * from "./protocol/index";
