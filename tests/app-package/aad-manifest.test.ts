// appPackage/aad.manifest.json: the Entra app registration that aadApp/update applies, so that Teams
// can get an SSO token for the tab (getAuthToken) without a consent prompt.
import { expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./project-copy";

interface AadManifest {
  identifierUris: string[];
  requiredResourceAccess: unknown[];
  signInAudience: string;
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: Array<{ id: string; value: string; type: string; isEnabled: boolean }>;
    preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
}

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");
const aad = JSON.parse(read("appPackage/aad.manifest.json")) as AadManifest;
const manifest = JSON.parse(read("appPackage/manifest.json")) as { webApplicationInfo: { id: string; resource: string } };

/** Teams desktop/mobile and Teams web, the clients that request the tab's SSO token. */
const TEAMS_CLIENTS = ["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"];

it("uses the same identifier URI the Teams manifest names as SSO resource", () => {
  expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
  expect(manifest.webApplicationInfo.resource).toBe("api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}");
  expect(manifest.webApplicationInfo.id).toBe("${{AAD_APP_CLIENT_ID}}");
});

it("exposes one enabled access_as_user scope and asks for v2 tokens", () => {
  expect(aad.api.requestedAccessTokenVersion).toBe(2);
  expect(aad.api.oauth2PermissionScopes).toHaveLength(1);
  expect(aad.api.oauth2PermissionScopes[0]).toMatchObject({
    id: "${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}", value: "access_as_user", type: "User", isEnabled: true,
  });
});

it("pre-authorises exactly the Teams clients for that scope", () => {
  expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...TEAMS_CLIENTS].sort());
  for (const app of aad.api.preAuthorizedApplications) {
    expect(app.delegatedPermissionIds).toEqual(["${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}"]);
  }
});

it("stays a single-tenant registration that asks for no Graph permission of its own", () => {
  expect(aad.signInAudience).toBe("AzureADMyOrg");
  // The service only validates tab tokens (no on-behalf-of flow); filing uses the managed identity.
  expect(aad.requiredResourceAccess).toEqual([]);
});
