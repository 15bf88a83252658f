// Azure Database for PostgreSQL Flexible Server with the service's database. Every App Service
// instance connects to it (TLS required); live events cross instances through LISTEN/NOTIFY.

@description('Server name, globally unique (lowercase letters, digits, hyphens).')
param serverName string

@description('Azure region.')
param location string

@description('Compute SKU, e.g. Standard_B1ms.')
param skuName string

@description('Tier matching skuName: Burstable, GeneralPurpose or MemoryOptimized.')
param skuTier string

@description('PostgreSQL major version.')
param version string

@description('Storage in GiB.')
param storageSizeGB int

@description('Administrator login.')
param adminLogin string

@description('Administrator password.')
@secure()
param adminPassword string

@description('Database the service uses.')
param databaseName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// Lets Azure services (the App Service outbound addresses among them) reach the server; every
// connection still needs TLS and the password from Key Vault. See DEPLOY.md for private networking.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

@description('Host name clients connect to.')
output fqdn string = server.properties.fullyQualifiedDomainName

@description('Name of the created database.')
output databaseName string = database.name
