// The Function App on Flex Consumption (FC1). The runtime comes from functionAppConfig (Flex
// rejects FUNCTIONS_WORKER_RUNTIME / WEBSITE_NODE_DEFAULT_VERSION settings). Every connection is
// identity-based through the user-assigned identity: storage (AzureWebJobsStorage__*), the
// deployment package, App Insights ingestion (AAD auth string) and Key Vault references.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param stagingContainerUrl string
param appInsightsConnectionString string
param keyVaultUri string
param taskHubName string
param sqlServerFqdn string
param sqlDatabaseName string
param maximumInstanceCount int
param instanceMemoryMB int

@description('Name of the Key Vault secret holding the ASE source password (created by the operator).')
param sourcePasswordSecretName string = 'ase-source-password'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

var baseSettings = {
  // Host storage with the managed identity (no connection string, no key).
  AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}'
  AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
  AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // DefaultAzureCredential (Blob staging, Azure SQL through tedious) picks this identity.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Read by host.json ("hubName": "%TASKHUB_NAME%").
  TASKHUB_NAME: taskHubName
  // Staging area of the migration: a container URL means Blob with DefaultAzureCredential.
  ASEMIG_STAGING: stagingContainerUrl
  // A Key Vault reference: the app setting holds the reference, the platform resolves it with
  // keyVaultReferenceIdentity; the value never appears in ARM, the repo or orchestration inputs.
  ASEMIG_SOURCE_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${sourcePasswordSecretName})'
}
var sqlSettings = empty(sqlServerFqdn)
  ? {}
  : {
      ASEMIG_TARGET_SERVER: sqlServerFqdn
      ASEMIG_TARGET_DATABASE: sqlDatabaseName
    }

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      alwaysOn: false
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // One warm instance for the Durable triggers, so orchestrations do not wait for a cold start.
        alwaysReady: [{ name: 'durable', instanceCount: 1 }]
      }
      // Node 22 on Azure; Node 20 is the local/test runtime (platform-notes §6, §9).
      runtime: { name: 'node', version: '22' }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(baseSettings, sqlSettings)
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
