// The Paragraf service on App Service for Linux (Node 20): one plan scaled to `instanceCount`
// instances, running as the user-assigned managed identity. The same process serves the tab, the JSON
// API, the live stream and the bot endpoint /api/messages. Nothing important lives in one instance's
// memory (DESIGN.md), so ARR affinity is off and any number of instances can run.

@description('Web app name, globally unique (becomes <name>.azurewebsites.net).')
param siteName string

@description('App Service plan name.')
param planName string

@description('Azure region.')
param location string

@description('Plan SKU, e.g. B1, S1, P0v3.')
param sku string

@description('Number of instances of the plan.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Client id of that identity: the bot id, and the credential @azure/identity picks.')
param identityClientId string

@description('Client id of the Entra app registration used for tab SSO.')
param aadAppClientId string

@description('Entra tenant whose users may sign in.')
param entraTenantId string

@description('Versionless Key Vault URI of the DATABASE-URL secret.')
param databaseUrlSecretUri string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Log Analytics workspace for console and HTTP logs.')
param logAnalyticsWorkspaceId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      webSocketsEnabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

// App settings are a child resource so they can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Runtime and deployment: run the zip the toolkit uploads as-is (node_modules included).
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    LOG_LEVEL: 'info'
    // App Service sets PORT itself; the service listens on it.
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    // Files the service keeps outside the database (the local protocol archive fallback) go to the
    // persistent /home share, which every instance sees.
    DATA_DIR: '/home/paragraf-data'
    SEED_DEMO: 'false'
    // Resolved by App Service from Key Vault with the managed identity; the password never sits here.
    DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})'
    // Tab SSO: tokens from Teams carry the app's client id (v2) or its identifier URI as audience.
    ENTRA_CLIENT_ID: aadAppClientId
    ENTRA_AUDIENCES: '${aadAppClientId},api://${site.properties.defaultHostName}/${aadAppClientId}'
    ENTRA_ALLOWED_TENANTS: entraTenantId
    // Agents SDK (loadAuthConfigFromEnv): a client id without secret or certificate means the
    // user-assigned managed identity, which is what the Azure Bot is registered with.
    clientId: identityClientId
    tenantId: entraTenantId
    // @azure/identity (Graph filing) picks this user-assigned identity.
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'paragraf-logs'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the web app.')
output id string = site.id

@description('Default host name of the web app.')
output hostName string = site.properties.defaultHostName
