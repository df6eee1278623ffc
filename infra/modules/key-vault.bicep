// Key Vault for the source (ASE) credentials and any SQL secret. RBAC authorization, no access
// policies; the app reads secrets through Key Vault references resolved with its identity.
// Secrets are created by the operator after deployment (docs/operations.md), never in Bicep.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
