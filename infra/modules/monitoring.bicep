// Log Analytics workspace and a workspace-based Application Insights component for the service.

@description('Base name of both resources.')
param name string

@description('Azure region.')
param location string

@description('Days of log retention.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

@description('Connection string the service (and the App Service agent) sends telemetry with.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Workspace the App Service sends its console and HTTP logs to.')
output logAnalyticsWorkspaceId string = workspace.id
