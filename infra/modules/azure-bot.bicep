// Azure Bot registration for the service's /api/messages, of the managed identity type (no secret),
// with the Microsoft Teams channel enabled.

@description('Bot resource name, globally unique.')
param name string

@description('Display name shown in the Bot Framework portal.')
@maxLength(42)
param displayName string

@description('Client id of the user-assigned managed identity (the bot id in the Teams manifest).')
param identityClientId string

@description('Resource id of that managed identity.')
param identityResourceId string

@description('Tenant of that managed identity; must be the Teams tenant.')
param identityTenantId string

@description('https URL of /api/messages.')
param messagingEndpoint string

@description('F0 is free and covers the Teams channel; S1 is for premium channels.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

@description('Name of the bot resource.')
output name string = bot.name
