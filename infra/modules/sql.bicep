// Optional Azure SQL target: Entra-only authentication (no SQL logins), a system-assigned server
// identity (used when BULK INSERT reads staged blobs), and the firewall rule that lets Azure
// services (the Function App without a VNet) connect. Creating the app's database user
// (CREATE USER ... FROM EXTERNAL PROVIDER) is a post-deployment T-SQL step (docs/operations.md).
param serverName string
param databaseName string
param location string
param tags object
param adminLogin string
param adminObjectId string
param adminPrincipalType string
param skuName string = 'GP_S_Gen5_2'
@description('Database collation; cannot be changed after creation. Choose it from the assessment (COL-01..COL-06): ASE binary sort order on iso_1 maps to Latin1_General_BIN2 (COL-01), on utf8 to Latin1_General_100_BIN2_UTF8 (COL-06).')
param collation string = 'Latin1_General_BIN2'

resource server 'Microsoft.Sql/servers@2021-11-01' = {
  name: serverName
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminLogin
      sid: adminObjectId
      tenantId: tenant().tenantId
      principalType: adminPrincipalType
    }
  }
}

resource allowAzure 'Microsoft.Sql/servers/firewallRules@2021-11-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource database 'Microsoft.Sql/servers/databases@2021-11-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: { name: skuName }
  properties: {
    collation: collation
    // Identifiers follow the database collation, so a case-sensitive ASE keeps its names (COL-07).
    catalogCollation: 'DATABASE_DEFAULT'
    autoPauseDelay: 60
    minCapacity: json('0.5')
  }
}

output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output serverPrincipalId string = server.identity.principalId
