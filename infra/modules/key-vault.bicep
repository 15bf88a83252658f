// Key Vault (RBAC mode) holding the service's DATABASE_URL. The App Service reads it through a Key
// Vault reference with the user-assigned managed identity, which gets "Key Vault Secrets User".

@description('Vault name, globally unique, 3-24 characters.')
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Object id of the managed identity that may read secrets.')
param readerPrincipalId string

@description('postgresql:// connection string for the service, password included.')
@secure()
param databaseUrl string

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'DATABASE-URL'
  properties: {
    value: databaseUrl
    contentType: 'text/plain'
  }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: secretsUserRoleId
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Vault name.')
output name string = vault.name

@description('Versionless URI of the DATABASE-URL secret, so a rotated value is picked up.')
output databaseUrlSecretUri string = databaseUrlSecret.properties.secretUri
