import type { Clock, ProtocolArchive } from "@paragraf/shared";
import type { Kysely } from "kysely";
import type { Config } from "../config";
import type { Schema } from "../storage/schema";
import { createSqlUploadSessionStore } from "../storage/sql-upload-session-store";
import { createLocalArchive } from "./local-archive";
import { createGraphApi } from "./sharepoint/graph-api";
import { createGraphCredential } from "./sharepoint/graph-credential";
import { createSharePointArchive } from "./sharepoint/sharepoint-archive";

/** The archive the configuration names: the local folder (default) or SharePoint through Graph. */
export function createConfiguredArchive(options: { config: Config["archive"]; db: Kysely<Schema>; clock: Clock }): ProtocolArchive {
  const { config } = options;
  if (config.kind === "local") return createLocalArchive({ root: config.root, tenantFolders: config.tenantFolders, clock: options.clock });
  return createSharePointArchive({
    graph: createGraphApi({ baseUrl: config.graphBaseUrl, credential: createGraphCredential(config.credential) }),
    sessions: createSqlUploadSessionStore(options.db),
    target: config.target, folder: config.folder, simpleUploadMaxBytes: config.simpleUploadMaxBytes, chunkBytes: config.chunkBytes,
  });
}
