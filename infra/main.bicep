// Paragraf in Azure: one Node 20 service on App Service (tab, JSON API and the bot's /api/messages),
// PostgreSQL Flexible Server shared by every instance, Key Vault for DATABASE_URL, Application
// Insights, and an Azure Bot that runs as a user-assigned managed identity.
// Deployed by `atk provision` (teamsapp.yml, arm/deploy) with infra/main.parameters.json.
// Every output is written back into env/.env.<environment> for the later steps.

targetScope = 'resourceGroup'

@description('Prefix of every resource name, e.g. paragraf-dev. Lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('App Service plan SKU. Basic allows 3 instances, Standard 10, PremiumV3 30.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Number of service instances (a string, because the toolkit fills parameter files as text). All share one PostgreSQL.')
param instanceCount string = '1'

@description('PostgreSQL Flexible Server compute SKU, e.g. Standard_B1ms or Standard_D2ds_v5.')
param postgresSkuName string = 'Standard_B1ms'

@description('Tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version.')
param postgresVersion string = '16'

@description('PostgreSQL storage in GiB.')
param postgresStorageSizeGB int = 32

@description('PostgreSQL administrator login name.')
param postgresAdminLogin string = 'paragraf'

@description('PostgreSQL administrator password (env/.env.<environment>.user: SECRET_POSTGRES_ADMIN_PASSWORD). Goes only into Key Vault.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('Name of the service\'s database on the server.')
param databaseName string = 'paragraf'

@description('Client id of the Entra app registration for tab SSO (aadApp/create), the token audience the service accepts.')
param aadAppClientId string

@description('Entra tenant whose users may sign in; defaults to this deployment\'s tenant.')
param entraTenantId string = tenant().tenantId

@description('Display name of the Azure Bot.')
@maxLength(42)
param botDisplayName string = 'Paragraf'

var baseName = toLower(resourceBaseName)
var suffix = uniqueString(resourceGroup().id, baseName)
var compactBase = take(replace(baseName, '-', ''), 9)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
}

module monitoring './modules/monitoring.bicep' = {
  name: 'paragraf-monitoring'
  params: {
    name: '${baseName}-${suffix}'
    location: location
  }
}

module postgres './modules/postgres.bicep' = {
  name: 'paragraf-postgres'
  params: {
    serverName: '${baseName}-pg-${suffix}'
    location: location
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    version: postgresVersion
    storageSizeGB: postgresStorageSizeGB
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    databaseName: databaseName
  }
}

module vault './modules/key-vault.bicep' = {
  name: 'paragraf-key-vault'
  params: {
    name: 'kv${compactBase}${suffix}'
    location: location
    readerPrincipalId: identity.properties.principalId
    databaseUrl: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.fqdn}:5432/${postgres.outputs.databaseName}?sslmode=require'
  }
}

module app './modules/app-service.bicep' = {
  name: 'paragraf-app-service'
  params: {
    siteName: '${baseName}-${suffix}'
    planName: '${baseName}-plan'
    location: location
    sku: appServiceSku
    instanceCount: int(instanceCount)
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    aadAppClientId: aadAppClientId
    entraTenantId: entraTenantId
    databaseUrlSecretUri: vault.outputs.databaseUrlSecretUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module bot './modules/azure-bot.bicep' = {
  name: 'paragraf-azure-bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    displayName: botDisplayName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
  }
}

@description('Resource id of the App Service; azureAppService/zipDeploy deploys to it.')
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id

@description('Host name of the service: validDomains and the SSO identifier URI use it.')
output TAB_DOMAIN string = app.outputs.hostName

@description('https base URL of the service: the tab pages, the API and /api/messages.')
output TAB_ENDPOINT string = 'https://${app.outputs.hostName}'

@description('The bot id: the client id of the managed identity the Azure Bot runs as.')
output BOT_ID string = identity.properties.clientId

@description('Object id of the managed identity, for Graph permission grants (infra/DEPLOY.md).')
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId

@description('Key Vault holding DATABASE_URL.')
output AZURE_KEY_VAULT_NAME string = vault.outputs.name

@description('Host name of the PostgreSQL server.')
output POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn

@description('Name of the Azure Bot resource (Bot Services in the portal: channels, test in Web Chat).')
output AZURE_BOT_NAME string = bot.outputs.name
