// ase-migrate on Azure: a Flex Consumption Function App (Durable Functions) with identity-only
// access to Storage, Application Insights over Log Analytics, a Key Vault for the source
// credentials, and optionally an Azure SQL target. Deployed by `azd up` (see ../azure.yaml).
// NOT COMPILED HERE: no Bicep CLI on the build machine (see README.md). Review before use.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; used for the resource group and the resource-name token.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer Flex Consumption (FC1).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the person running azd (azd sets AZURE_PRINCIPAL_ID); gets blob and secret access for troubleshooting. Empty: none.')
param principalId string = ''

@description('Principal type of principalId.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Create an Azure SQL server and database as the migration target.')
param deploySql bool = false

@description('Entra login name of the SQL administrator (a user or group); required when deploySql.')
param sqlAdminLogin string = ''

@description('Object id of the SQL administrator; required when deploySql.')
param sqlAdminObjectId string = ''

@description('Principal type of the SQL administrator.')
@allowed(['User', 'Group', 'Application'])
param sqlAdminPrincipalType string = 'Group'

@description('Collation of the SQL database (fixed at creation); pick it from the assessment report, rules COL-01..COL-06.')
param sqlCollation string = 'Latin1_General_BIN2'

@description('Durable task hub name: letters and digits only, unique per app and environment sharing a storage account.')
param taskHubName string = 'asemig${replace(toLower(environmentName), '-', '')}'

@description('Most Flex instances the app may scale to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-asemig-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-asemig-${token}'
    appInsightsName: 'appi-asemig-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stasemig${token}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    stagingContainerName: 'ase-migrate'
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-asemig-${take(token, 13)}'
    location: location
    tags: tags
  }
}

module sql 'modules/sql.bicep' = if (deploySql) {
  name: 'sql'
  scope: rg
  params: {
    serverName: 'sql-asemig-${token}'
    databaseName: 'asemig'
    location: location
    tags: tags
    adminLogin: sqlAdminLogin
    adminObjectId: sqlAdminObjectId
    adminPrincipalType: sqlAdminPrincipalType
    collation: sqlCollation
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    planName: 'plan-asemig-${token}'
    appName: 'func-asemig-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    stagingContainerUrl: storage.outputs.stagingContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    taskHubName: taskHubName
    sqlServerFqdn: deploySql ? sql.outputs.serverFqdn : ''
    sqlDatabaseName: deploySql ? sql.outputs.databaseName : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'roleAssignments'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    stagingContainerName: storage.outputs.stagingContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
    sqlServerPrincipalId: deploySql ? sql.outputs.serverPrincipalId : ''
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output ASEMIG_STAGING string = storage.outputs.stagingContainerUrl
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
output LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.workspaceCustomerId
output TASKHUB_NAME string = taskHubName
output AZURE_SQL_SERVER string = deploySql ? sql.outputs.serverFqdn : ''
output AZURE_SQL_DATABASE string = deploySql ? sql.outputs.databaseName : ''
output AZURE_APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_APP_IDENTITY_NAME string = identity.outputs.name
