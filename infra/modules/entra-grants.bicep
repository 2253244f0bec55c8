extension microsoftGraphV1

@description('Client (app) id of the Tandem app registration.')
param appId string

@description('Microsoft Graph application permissions the jobs need (admin consent is granted here).')
param graphPermissions array = [
  'User.Read.All' // org sync: /users/delta with manager, for PRODUCT rule 1
  'MailboxSettings.Read' // time zones and working hours
  'Calendars.ReadWrite' // free/busy and the series, limited to the organiser mailbox by Exchange RBAC
]

resource tandem 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: appId
}

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for permission in graphPermissions: {
    appRoleId: filter(graph.appRoles, role => role.value == permission)[0].id
    principalId: tandem.id
    resourceId: graph.id
  }
]

output servicePrincipalId string = tandem.id
