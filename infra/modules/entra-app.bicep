extension microsoftGraphV1

@description('Immutable unique name of the Tandem app registration in the tenant.')
param uniqueName string

@description('Display name admins and users see.')
param displayName string

@description('Principal id of the managed identity allowed to act as the app (federated credential).')
param identityPrincipalId string

@description('Application ID URIs; empty on the first pass, since the app id is not known before it exists.')
param identifierUris array = []

@description('HTTPS host of the tab; with identifierUris, the Microsoft 365 clients are pre-authorised for SSO.')
param tabHost string = ''

var scopeId = guid(uniqueName, 'access_as_user')
// Teams (desktop, web), Microsoft 365 / Office (web, desktop), Outlook (desktop, mobile, web).
var microsoft365Clients = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264'
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'
  '4765445b-32c6-49b0-83e6-1d93765276ca'
  '0ec893e0-5785-4de6-99da-4ed124e5296c'
  'd3590ed6-52b3-4102-aeff-aad2292ab01c'
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3'
]

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: uniqueName
  displayName: displayName
  signInAudience: 'AzureADMyOrg'
  identifierUris: identifierUris
  api: {
    requestedAccessTokenVersion: 2
    oauth2PermissionScopes: [
      {
        id: scopeId
        value: 'access_as_user'
        type: 'User'
        isEnabled: true
        adminConsentDisplayName: 'Use Tandem as the signed-in user'
        adminConsentDescription: 'Lets Teams, Outlook and the Microsoft 365 app call Tandem for the signed-in user.'
        userConsentDisplayName: 'Use Tandem as you'
        userConsentDescription: 'Lets Tandem show your mentoring programmes.'
      }
    ]
    preAuthorizedApplications: empty(tabHost) ? [] : map(microsoft365Clients, client => {
      appId: client
      delegatedPermissionIds: [ scopeId ]
    })
  }
  appRoles: [
    {
      id: guid(uniqueName, 'Tandem.Admin')
      value: 'Tandem.Admin'
      displayName: 'Programme manager (HR)'
      description: 'Creates programmes, reviews applications, runs matching, confirms pairs and sees progress.'
      allowedMemberTypes: [ 'User' ]
      isEnabled: true
    }
    {
      id: guid(uniqueName, 'Tandem.Advisor')
      value: 'Tandem.Advisor'
      displayName: 'External advisor'
      description: 'Reads programme-level aggregates only; never personal notes.'
      allowedMemberTypes: [ 'User' ]
      isEnabled: true
    }
    {
      id: guid(uniqueName, 'Tandem.Jobs')
      value: 'Tandem.Jobs'
      displayName: 'Tandem automation'
      description: 'App-only access for scheduled automation.'
      allowedMemberTypes: [ 'Application' ]
      isEnabled: true
    }
  ]

  // The managed identity signs in as the app: no client secret or certificate anywhere.
  resource managedIdentity 'federatedIdentityCredentials@v1.0' = {
    name: '${uniqueName}/function-app'
    audiences: [ 'api://AzureADTokenExchange' ]
    issuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
    subject: identityPrincipalId
  }
}

output appId string = app.appId
output objectId string = app.id
