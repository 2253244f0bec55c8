@description('Azure region of the Function App.')
param location string

@description('Name prefix for the plan and the Function App.')
param name string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that managed identity (storage, telemetry and the federated credential use it).')
param identityClientId string

@description('Storage account name (AzureWebJobsStorage by identity).')
param storageName string

@description('Blob endpoint of the storage account.')
param blobEndpoint string

@description('Table endpoint of the storage account (Tandem\'s data).')
param tableEndpoint string

@description('Queue endpoint of the storage account (booking jobs).')
param queueEndpoint string

@description('Container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights resource the app sends telemetry to (by identity: local auth is off).')
param insightsName string

@description('Entra tenant id.')
param tenantId string

@description('Client id of the Tandem Entra app (audience of SSO tokens).')
param appClientId string

@description('Application ID URI of the Tandem Entra app (api://<tab host>/<client id>).')
param appIdUri string

@description('HTTPS origin of the tab (CORS and links back to the tab).')
param tabOrigin string

@description('Mailbox that organises every session series (a licensed Exchange and Teams account).')
param organiserMailbox string

@description('Teams app id: invitations link to the pair in Teams (empty: to the tab).')
param teamsAppId string = ''

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${name}'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: { allowedOrigins: [ tabOrigin ], supportCredentials: false }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      // Node 22 LTS (Node 20 left support): https://learn.microsoft.com/en-us/azure/azure-functions/functions-versions#languages
      runtime: { name: 'node', version: '22' }
    }
  }

  // Replaces all settings: every setting the backend reads is listed here (functions/src/config.ts).
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storageName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      AZURE_CLIENT_ID: identityClientId
      TANDEM_TENANT_ID: tenantId
      TANDEM_CLIENT_ID: appClientId
      TANDEM_APP_ID_URI: appIdUri
      TANDEM_STORAGE_ACCOUNT_URL: tableEndpoint
      TANDEM_QUEUE_ACCOUNT_URL: queueEndpoint
      TANDEM_TAB_URL: tabOrigin
      TANDEM_ORGANISER_MAILBOX: organiserMailbox
      TANDEM_TEAMS_APP_ID: teamsAppId
      // Graph posts change notifications on the organiser's events here (docs/graph.md).
      TANDEM_NOTIFICATION_URL: 'https://${app.properties.defaultHostName}/api/calendar/notifications'
      // The host reads at most this many bytes of a request body before our code (and its auth)
      // runs; the default is 100 MB. Tandem's largest body is 64 KiB (functions/src/http/dispatch.ts).
      // https://learn.microsoft.com/en-us/azure/azure-functions/functions-app-settings#functions_request_body_size_limit
      FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '1048576'
    }
  }

  // No basic (user name and password) publishing credentials: deploys use Entra ID (OneDeploy).
  // https://learn.microsoft.com/en-us/azure/app-service/configure-basic-auth-disable
  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

output id string = app.id
output name string = app.name
output hostName string = app.properties.defaultHostName
