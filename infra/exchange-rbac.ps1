<#
.SYNOPSIS
  Gives Tandem's app access to the organiser mailbox only, with Exchange Online RBAC for
  Applications (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac).

.DESCRIPTION
  Bicep never grants Tandem a mailbox permission in Entra ID: that would reach every mailbox in
  the tenant. Instead, this script, run once per environment by an Exchange Administrator:
    1. connects to Exchange Online (Connect-ExchangeOnline, module ExchangeOnlineManagement);
    2. registers the app's service principal in Exchange (New-ServicePrincipal, with the
       enterprise application's object id: SERVICE_PRINCIPAL_OBJECT_ID in env/.env.<name>);
    3. creates a management scope holding the organiser mailbox only (New-ManagementScope);
    4. assigns each 'exchange-rbac' permission of infra/graph-permissions.json (its Exchange role,
       e.g. "Application Calendars.ReadWrite") on that scope (New-ManagementRoleAssignment);
    5. checks the result with Test-ServicePrincipalAuthorization: in scope for the organiser
       mailbox, out of scope for another mailbox.
  Exchange caches app permissions: a new assignment takes effect in Graph after 30 minutes to
  2 hours (Test-ServicePrincipalAuthorization bypasses that cache, so it passes at once).
  Re-running the script is safe: existing objects are kept.

.EXAMPLE
  pwsh infra/exchange-rbac.ps1 -EnvName prod -OtherMailbox someone@contoso.com
#>
param(
  [Parameter(Mandatory = $true)][ValidatePattern('^[a-z0-9-]+$')][string] $EnvName,
  # A mailbox that is not the organiser's: the check proves the app cannot reach it.
  [Parameter(Mandatory = $true)][string] $OtherMailbox
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$envFile = Join-Path $root "env/.env.$EnvName"
if (-not (Test-Path $envFile)) { throw "No $envFile: provision first (docs/deploy.md)." }
$values = @{}
foreach ($line in Get-Content $envFile) {
  if ($line -match '^([A-Z0-9_]+)=(.*)$') { $values[$Matches[1]] = $Matches[2].Trim('"', "'") }
}
foreach ($name in 'AAD_APP_CLIENT_ID', 'SERVICE_PRINCIPAL_OBJECT_ID', 'TANDEM_ORGANISER_MAILBOX') {
  if (-not $values[$name]) { throw "$envFile has no $name: provision first (docs/deploy.md)." }
}
$appId = $values['AAD_APP_CLIENT_ID']
$objectId = $values['SERVICE_PRINCIPAL_OBJECT_ID']
$mailbox = $values['TANDEM_ORGANISER_MAILBOX']
$permissions = Get-Content (Join-Path $PSScriptRoot 'graph-permissions.json') -Raw | ConvertFrom-Json
$roles = @($permissions.application | Where-Object { $_.grantedBy -eq 'exchange-rbac' } | ForEach-Object { $_.exchangeRole })

if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {
  Install-Module ExchangeOnlineManagement -Scope CurrentUser -Force
}
Import-Module ExchangeOnlineManagement
Connect-ExchangeOnline -ShowBanner:$false

$displayName = "Tandem ($EnvName)"
if (-not (Get-ServicePrincipal -Identity $objectId -ErrorAction SilentlyContinue)) {
  New-ServicePrincipal -AppId $appId -ObjectId $objectId -DisplayName $displayName | Out-Null
}

$scopeName = "Tandem organiser ($EnvName)"
$filter = "PrimarySmtpAddress -eq '$mailbox'"
if (-not (Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue)) {
  New-ManagementScope -Name $scopeName -RecipientRestrictionFilter $filter | Out-Null
}

foreach ($role in $roles) {
  $existing = Get-ManagementRoleAssignment -RoleAssignee $objectId -Role $role -ErrorAction SilentlyContinue |
    Where-Object { $_.CustomResourceScope -eq $scopeName }
  if (-not $existing) {
    New-ManagementRoleAssignment -App $objectId -Role $role -CustomResourceScope $scopeName | Out-Null
  }
}

# The check: every role in scope for the organiser mailbox, none for the other mailbox.
$inScope = Test-ServicePrincipalAuthorization -Identity $objectId -Resource $mailbox
$outOfScope = Test-ServicePrincipalAuthorization -Identity $objectId -Resource $OtherMailbox
$inScope | Format-Table RoleName, GrantedPermissions, AllowedResourceScope, InScope
$failed = $false
foreach ($role in $roles) {
  if (-not ($inScope | Where-Object { $_.RoleName -eq $role -and $_.InScope })) {
    Write-Error "$role is not in scope for $mailbox" -ErrorAction Continue; $failed = $true
  }
  if ($outOfScope | Where-Object { $_.RoleName -eq $role -and $_.InScope }) {
    Write-Error "$role reaches $OtherMailbox too: the scope is too wide" -ErrorAction Continue; $failed = $true
  }
}
Disconnect-ExchangeOnline -Confirm:$false
if ($failed) { exit 1 }
Write-Host "Done. Graph honours the assignment after 30 minutes to 2 hours (Exchange's permission cache)."
