@description('Azure region of the storage account.')
param location string

@description('Storage account name (3–24 lowercase letters and digits).')
param name string

@description('Tags applied to every resource.')
param tags object

@description('Blob container holding the Function App deployment package.')
param deploymentContainerName string

@description('Queue the booking job reads (one message a confirmed pair).')
param bookingQueueName string = 'booking'

// Reached by managed identity only: no shared keys, no anonymous blobs, TLS 1.2, HTTPS only.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource blobs 'blobServices' = {
    name: 'default'
    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource queues 'queueServices' = {
    name: 'default'
    resource booking 'queues' = {
      name: bookingQueueName
    }
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output queueEndpoint string = storage.properties.primaryEndpoints.queue
