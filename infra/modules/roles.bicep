@description('Storage account the app reads and writes.')
param storageName string

@description('Application Insights resource the app publishes telemetry to.')
param insightsName string

@description('Principal id of the Function App\'s managed identity.')
param principalId string

// Least privilege: data-plane roles on this one account and this one Insights resource, nothing
// at resource-group or subscription scope.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // AzureWebJobsStorage and the deployment package
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Tandem's data
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // booking jobs
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // telemetry without keys
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [ roles.blobDataOwner, roles.tableDataContributor, roles.queueDataContributor ]: {
    name: guid(storage.id, principalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
