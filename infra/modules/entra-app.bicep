extension microsoftGraphV1

@description('Immutable unique name of the Tandem app registration in the tenant.')
param uniqueName string

@description('Display name admins and users see.')
param displayName string

@description('Principal id of the managed identity allowed to act as the app (federated credential).')
param identityPrincipalId string

@description('Application ID URIs (api://<tab host>/<client id>); empty only on the very first deploy, before the client id exists.')
param identifierUris array = []

@description('Pre-authorise the Microsoft 365 clients for SSO (with the Application ID URI).')
param preAuthorize bool = false

var scopeId = guid(uniqueName, 'access_as_user')
// Every Microsoft 365 client that asks Entra ID for a Tandem token on the user's behalf:
// Teams desktop and mobile, Teams web, Microsoft 365 web, desktop and mobile (= Outlook desktop),
// Outlook web, Outlook mobile
// (https://learn.microsoft.com/en-us/microsoftteams/platform/m365-apps/extend-m365-teams-personal-tab#update-microsoft-entra-app-registration-for-sso),
// and Office for the Outlook add-in pane's SSO
// (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/register-sso-add-in-aad-v2#add-a-client-application).
var microsoft365Clients = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264' // Teams desktop, mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca' // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c' // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c' // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3' // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4' // Outlook mobile
  'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e' // Office (add-in SSO on every Office client)
]

// The delegated Graph scopes SSO uses (openid, profile: infra/graph-permissions.json), requested
// here and consented for the organisation in entra-grants.bicep.
var graphAppId = '00000003-0000-0000-c000-000000000000'
var delegated = map(loadJsonContent('../graph-permissions.json').delegated, p => p.permission)
// Stable ids of the OpenID Connect scopes on Microsoft Graph
// (https://learn.microsoft.com/en-us/graph/permissions-reference#openid).
var scopeIds = {
  openid: '37f7f235-527c-4136-accd-4a02d197296e'
  profile: '14dad69e-099b-42c9-810b-d002981feec1'
}

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
    preAuthorizedApplications: !preAuthorize ? [] : map(microsoft365Clients, client => {
      appId: client
      delegatedPermissionIds: [ scopeId ]
    })
  }
  requiredResourceAccess: [
    {
      resourceAppId: graphAppId
      resourceAccess: map(delegated, scope => { id: scopeIds[scope], type: 'Scope' })
    }
  ]
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
