// Tandem in one resource group: Function App (Flex Consumption, Node 22) with a user-assigned
// identity, identity-only storage, Application Insights on Log Analytics, Static Web Apps for the
// tab, and the Entra app registration (Microsoft Graph Bicep extension). Deploy with
// `az deployment group create` or the Microsoft 365 Agents Toolkit (m365agents.yml).
targetScope = 'resourceGroup'

@description('Short name of the environment (dev, pilot, prod): part of every resource name.')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region for the resources.')
param location string = resourceGroup().location

@description('Region for the static web app (Static Web Apps runs in a few regions only).')
@allowed([ 'westeurope', 'eastus2', 'centralus', 'westus2', 'eastasia' ])
param staticWebAppLocation string = 'westeurope'

@description('Mailbox that organises every session series: a licensed Exchange and Teams account.')
param organiserMailbox string

@description('Teams app id (from the app package): invitations link to the pair in Teams; empty links to the tab.')
param teamsAppId string = ''

@description('Unique name of the Entra app registration (immutable once created).')
param appUniqueName string = 'tandem-${environmentName}'

@description('Tags applied to every resource.')
param tags object = { app: 'tandem', environment: environmentName }

@description('Client id of the Tandem app registration once it exists (provisioning writes AAD_APP_CLIENT_ID to env/.env.<name>); empty on the first deploy only.')
param appClientId string = ''

@description('Custom domain the tab is served on (a CNAME to the static web app, added by the admin); empty uses the static web app\'s own host. Office SSO for the Outlook pane needs a domain the organisation owns.')
param customDomain string = ''

// Azure names are lower case (storage accounts must be): the environment name may not be.
var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var name = toLower('tandem-${environmentName}-${take(token, 6)}')
var deploymentContainerName = 'app-package-${take(token, 8)}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { location: location, name: 'id-${name}', tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: 'st${take(replace(name, '-', ''), 22)}'
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, name: name, tags: tags }
}

module tab 'modules/static-web.bicep' = {
  name: 'tab'
  params: { location: staticWebAppLocation, name: 'stapp-${name}', tags: tags, customDomain: customDomain }
}

var tabHost = empty(customDomain) ? tab.outputs.hostName : customDomain
var displayName = 'Tandem${environmentName == 'prod' ? '' : ' (${environmentName})'}'

// First deploy only: the registration is created to learn its id (no URI yet, none to reset).
// Every later deploy passes appClientId, so this never runs again and the one declaration below
// always writes the same Application ID URI and pre-authorised clients: SSO never breaks.
module appFirst 'modules/entra-app.bicep' = if (empty(appClientId)) {
  name: 'entra-app-first'
  params: {
    uniqueName: appUniqueName
    displayName: displayName
    identityPrincipalId: identity.outputs.principalId
  }
}

var clientId = empty(appClientId) ? appFirst!.outputs.appId : appClientId
var appIdUri = 'api://${tabHost}/${clientId}'

// The registration with its Application ID URI (api://<tab host>/<client id>, which Teams and
// Office SSO need) and every Microsoft 365 client pre-authorised.
module appUri 'modules/entra-app.bicep' = {
  name: 'entra-app'
  params: {
    uniqueName: appUniqueName
    displayName: displayName
    identityPrincipalId: identity.outputs.principalId
    identifierUris: [ appIdUri ]
    preAuthorize: true
  }
}

module grants 'modules/entra-grants.bicep' = {
  name: 'entra-grants'
  params: { appId: appUri.outputs.appId }
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  params: {
    location: location
    name: name
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    insightsName: monitoring.outputs.insightsName
    tenantId: tenant().tenantId
    appClientId: appUri.outputs.appId
    appIdUri: appIdUri
    tabOrigin: 'https://${tabHost}'
    organiserMailbox: organiserMailbox
    teamsAppId: teamsAppId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageName: storage.outputs.name
    insightsName: monitoring.outputs.insightsName
    principalId: identity.outputs.principalId
  }
}

// Ids and host names only: nothing here is a secret. The Agents Toolkit writes them to env/.env.<name>.
output AAD_APP_CLIENT_ID string = appUri.outputs.appId
output TAB_DOMAIN string = tabHost
output TAB_ENDPOINT string = 'https://${tabHost}'
output TAB_HOSTNAME string = tab.outputs.hostName
output AAD_APP_ID_URI string = appIdUri
output SERVICE_PRINCIPAL_OBJECT_ID string = grants.outputs.servicePrincipalId
output API_ENDPOINT string = 'https://${functions.outputs.hostName}/api'
output FUNCTION_APP_NAME string = functions.outputs.name
output FUNCTION_APP_RESOURCE_ID string = functions.outputs.id
output STATIC_WEB_APP_NAME string = tab.outputs.name
output STATIC_WEB_APP_RESOURCE_ID string = tab.outputs.id
output TENANT_ID string = tenant().tenantId
