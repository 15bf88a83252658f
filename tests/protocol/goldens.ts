/** The three golden meetings and how their documents are built, shared by the golden tests and the fixture writer. */
import type { ProtocolDocument } from "@paragraf/shared";
import { contestedMeeting, decisionHeavyMeeting, jointMeeting, jointSamrad, type MeetingScript } from "./demo-meetings";

export interface Golden {
  name: string;
  script: () => MeetingScript;
  document: (s: MeetingScript) => ProtocolDocument;
}

export const goldens: Golden[] = [
  { name: "decision-heavy", script: decisionHeavyMeeting, document: (s) => s.document() },
  { name: "contested", script: contestedMeeting, document: (s) => s.document() },
  { name: "joint", script: jointMeeting, document: (s) => s.document({ jointWith: jointSamrad }) },
];

/** Where a golden's expected document model is committed. */
export const fixturePath = (name: string) => new URL(`./fixtures/${name}.json`, import.meta.url);
