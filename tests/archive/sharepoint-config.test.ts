import { describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/src/config";

const base = { ARCHIVE: "sharepoint", LOG_LEVEL: "silent" };

describe("ARCHIVE=sharepoint configuration", () => {
  it("takes the team's library from the group id and reuses the bot's app id, secret and tenant", () => {
    const config = parseConfig({ ...base, SHAREPOINT_GROUP_ID: "g-1", clientId: "app-1", clientSecret: "s3cret", tenantId: "t-1" });
    expect(config.archive).toEqual({
      kind: "sharepoint", root: ".data/archive", target: { groupId: "g-1" }, folder: "Protokoll", graphBaseUrl: "https://graph.microsoft.com/v1.0",
      credential: { kind: "secret", tenantId: "t-1", clientId: "app-1", clientSecret: "s3cret" }, simpleUploadMaxBytes: 4 * 1024 * 1024, chunkBytes: 32 * 327_680,
    });
  });

  it("takes an explicit site and drive, a certificate or a managed identity, and the test knobs", () => {
    const cert = parseConfig({ ...base, SHAREPOINT_SITE_ID: "site", SHAREPOINT_DRIVE_ID: "drive", SHAREPOINT_FOLDER: "Arkiv/Protokoll", GRAPH_CLIENT_ID: "a", GRAPH_TENANT_ID: "t", GRAPH_CERTIFICATE_PATH: "/etc/cert.pem" });
    expect(cert.archive).toMatchObject({ target: { siteId: "site", driveId: "drive" }, folder: "Arkiv/Protokoll", credential: { kind: "certificate", certificatePath: "/etc/cert.pem" } });
    const mi = parseConfig({ ...base, SHAREPOINT_DRIVE_ID: "drive", GRAPH_CREDENTIAL: "managed-identity", GRAPH_BASE_URL: "http://127.0.0.1:9/v1.0", GRAPH_UPLOAD_CHUNK_BYTES: "655360", GRAPH_SIMPLE_UPLOAD_MAX_BYTES: "0" });
    expect(mi.archive).toMatchObject({ target: { driveId: "drive" }, credential: { kind: "managed-identity" }, graphBaseUrl: "http://127.0.0.1:9/v1.0", chunkBytes: 655_360, simpleUploadMaxBytes: 0 });
  });

  it("refuses a missing or ambiguous library and a missing credential with clear messages", () => {
    expect(() => parseConfig({ ...base, clientSecret: "s", clientId: "a", tenantId: "t" })).toThrow(/SHAREPOINT_GROUP_ID: ARCHIVE=sharepoint needs the library/);
    expect(() => parseConfig({ ...base, SHAREPOINT_SITE_ID: "s", clientSecret: "s", clientId: "a", tenantId: "t" })).toThrow(/SHAREPOINT_DRIVE_ID: SHAREPOINT_SITE_ID needs/);
    expect(() => parseConfig({ ...base, SHAREPOINT_GROUP_ID: "g", SHAREPOINT_DRIVE_ID: "d", clientSecret: "s", clientId: "a", tenantId: "t" })).toThrow(/not both/);
    expect(() => parseConfig({ ...base, SHAREPOINT_GROUP_ID: "g" })).toThrow(/GRAPH_CREDENTIAL: no Graph credential/);
    expect(() => parseConfig({ ...base, SHAREPOINT_GROUP_ID: "g", GRAPH_CLIENT_SECRET: "s" })).toThrow(/GRAPH_CLIENT_ID[\s\S]*GRAPH_TENANT_ID/);
    expect(() => parseConfig({ ...base, SHAREPOINT_GROUP_ID: "g", GRAPH_CREDENTIAL: "certificate", clientId: "a", tenantId: "t" })).toThrow(/GRAPH_CERTIFICATE_PATH/);
  });

  it("refuses chunk sizes Graph upload sessions do not accept", () => {
    const ok = { ...base, SHAREPOINT_GROUP_ID: "g", GRAPH_CREDENTIAL: "managed-identity" };
    expect(() => parseConfig({ ...ok, GRAPH_UPLOAD_CHUNK_BYTES: "400000" })).toThrow(/GRAPH_UPLOAD_CHUNK_BYTES: must be a multiple of 327680/);
    expect(() => parseConfig({ ...ok, GRAPH_UPLOAD_CHUNK_BYTES: String(192 * 327_680) })).toThrow(/GRAPH_UPLOAD_CHUNK_BYTES/); // 60 MiB
    expect(() => parseConfig({ ...ok, GRAPH_SIMPLE_UPLOAD_MAX_BYTES: String(5 * 1024 * 1024) })).toThrow(/GRAPH_SIMPLE_UPLOAD_MAX_BYTES/);
    expect(() => parseConfig({ ...ok, GRAPH_BASE_URL: "https://graph.microsoft.com" })).toThrow(/GRAPH_BASE_URL/);
  });

  it("files in one tenant's library only, over https unless to a loopback stand-in", () => {
    const ok = { ...base, SHAREPOINT_GROUP_ID: "g", GRAPH_CREDENTIAL: "managed-identity" };
    const entra = { ENTRA_CLIENT_ID: "11111111-2222-4333-8444-555555555555" };
    expect(() => parseConfig({ ...ok, ...entra })).toThrow(/ENTRA_ALLOWED_TENANTS: ARCHIVE=sharepoint files in one tenant's library/);
    expect(() => parseConfig({ ...ok, ...entra, ENTRA_ALLOWED_TENANTS: "aaaaaaaa-0000-4000-8000-00000000000a,bbbbbbbb-0000-4000-8000-00000000000b" })).toThrow(/ENTRA_ALLOWED_TENANTS/);
    expect(parseConfig({ ...ok, ...entra, ENTRA_ALLOWED_TENANTS: "aaaaaaaa-0000-4000-8000-00000000000a" }).archive.kind).toBe("sharepoint");
    expect(() => parseConfig({ ...ok, GRAPH_BASE_URL: "http://graph.example.com/v1.0" })).toThrow(/GRAPH_BASE_URL: must use https/);
    expect(parseConfig({ ...ok, GRAPH_BASE_URL: "http://127.0.0.1:4567/v1.0" }).archive.kind).toBe("sharepoint");
  });

  it("leaves the local archive the default", () => {
    expect(parseConfig({}).archive).toEqual({ kind: "local", root: ".data/archive", tenantFolders: false });
  });

  it("puts a tenant folder above the bodies only when the service may serve several tenants", () => {
    const entra = { ENTRA_CLIENT_ID: "11111111-2222-4333-8444-555555555555" };
    expect(parseConfig({ ...entra }).archive).toMatchObject({ kind: "local", tenantFolders: true });
    expect(parseConfig({ ...entra, ENTRA_ALLOWED_TENANTS: "aaaaaaaa-0000-4000-8000-00000000000a" }).archive).toMatchObject({ tenantFolders: false });
    expect(parseConfig({ ...entra, ENTRA_ALLOWED_TENANTS: "aaaaaaaa-0000-4000-8000-00000000000a,bbbbbbbb-0000-4000-8000-00000000000b" }).archive).toMatchObject({ tenantFolders: true });
  });
});
