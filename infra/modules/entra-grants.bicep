extension microsoftGraphV1

@description('Client (app) id of the Tandem app registration.')
param appId string

// The one permission list (infra/graph-permissions.json): only the permissions granted in Entra ID
// are granted here. Mailbox permissions are 'exchange-rbac': Exchange RBAC for Applications gives
// them for the organiser mailbox only (infra/exchange-rbac.ps1); granting them here as well would
// reach every mailbox in the tenant
// (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac#limitations).
var permissions = loadJsonContent('../graph-permissions.json')
var entraPermissions = map(filter(permissions.application, p => p.grantedBy == 'entra'), p => p.permission)
var delegatedScopes = join(map(permissions.delegated, p => p.permission), ' ')

resource tandem 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: appId
}

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for permission in entraPermissions: {
    appRoleId: filter(graph.appRoles, role => role.value == permission)[0].id
    principalId: tandem.id
    resourceId: graph.id
  }
]

// Admin consent, for everyone in the organisation, to the delegated scopes SSO needs (openid,
// profile): nobody sees a consent prompt in Teams or Outlook.
// https://learn.microsoft.com/en-us/graph/api/resources/oauth2permissiongrant
resource ssoConsent 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = {
  clientId: tandem.id
  consentType: 'AllPrincipals'
  resourceId: graph.id
  scope: delegatedScopes
}

output servicePrincipalId string = tandem.id
