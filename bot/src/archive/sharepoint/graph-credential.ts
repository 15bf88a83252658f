import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from "@azure/identity";
import type { GraphCredentialConfig } from "../../config";

/** The `@azure/identity` credential the configuration names: an app secret, an app certificate or a managed identity. */
export function createGraphCredential(config: GraphCredentialConfig): TokenCredential {
  switch (config.kind) {
    case "secret":
      return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
    case "certificate":
      return new ClientCertificateCredential(config.tenantId, config.clientId, { certificatePath: config.certificatePath });
    case "managed-identity":
      return config.clientId ? new ManagedIdentityCredential({ clientId: config.clientId }) : new ManagedIdentityCredential();
  }
}
