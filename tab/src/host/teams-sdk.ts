/** The parts of teams-js the tab uses, imported by name so the bundler can leave the rest out. */
export { app, authentication, meeting, pages } from "@microsoft/teams-js";
