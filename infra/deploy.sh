#!/usr/bin/env bash
# Tandem from the Azure CLI: the same steps as m365agents.yml (docs/deploy.md).
#
#   infra/deploy.sh provision <env>          deploy infra/main.bicep, write its outputs to env/.env.<env>,
#                                            build the app package (appPackage/build/tandem-<env>.zip)
#   infra/deploy.sh env <env> <outputs.json>  only the last two steps, from a saved outputs file
#   infra/deploy.sh code <env>               build and deploy the functions (OneDeploy) and the tab
#   infra/deploy.sh functions <env>          deploy the built functions only (m365agents.yml's deploy)
#
# Needs: Azure CLI ≥ 2.61 signed in (az login), Bicep ≥ 0.36.1 (az bicep upgrade), Node 22.
# TANDEM_ENV_DIR (default ./env) and TANDEM_PACKAGE_DIR (default appPackage/build) choose where
# the env file is read and written and where the package goes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command="${1:-}"
env_name="${2:-}"
env_dir="${TANDEM_ENV_DIR:-$root/env}"
package_dir="${TANDEM_PACKAGE_DIR:-$root/appPackage/build}"

usage() {
  sed -n '2,13p' "$0" >&2
  exit 2
}
[[ -n "$command" && "$env_name" =~ ^[a-z0-9-]+$ ]] || usage
env_file="$env_dir/.env.$env_name"
[[ -f "$env_file" ]] || { echo "No $env_file: copy env/.env.dev to it and fill in the admin's values (docs/deploy.md)." >&2; exit 1; }

# KEY=VALUE of the env file (quotes stripped), empty when absent.
value() {
  sed -n "s/^$1=//p" "$env_file" | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}
need() {
  local v
  v="$(value "$1")"
  [[ -n "$v" ]] || { echo "$env_file: $1 is empty (docs/deploy.md says what to put there)" >&2; exit 1; }
  printf '%s' "$v"
}

write_env_and_package() {
  npx --no-install tsx appPackage/scripts/env-from-outputs.ts "$env_file" "$1"
  npx --no-install tsx appPackage/scripts/package.ts --env "$env_name" --env-dir "$env_dir" --out-dir "$package_dir"
}

# Flex Consumption takes OneDeploy only; the CLI uses it for a Flex Consumption app, signed in
# with Entra ID (basic publishing credentials are off).
# https://learn.microsoft.com/en-us/azure/azure-functions/deployment-zip-push
deploy_functions() {
  local group function_app zip_file="$root/functions/tandem-functions.zip"
  group="$(need AZURE_RESOURCE_GROUP_NAME)"
  function_app="$(need FUNCTION_APP_NAME)"
  rm -f "$zip_file"
  (cd functions/dist && zip -qr "$zip_file" .)
  az functionapp deployment source config-zip --resource-group "$group" --name "$function_app" --src "$zip_file"
}

case "$command" in
  provision)
    subscription="$(need AZURE_SUBSCRIPTION_ID)"
    group="$(need AZURE_RESOURCE_GROUP_NAME)"
    location="$(need AZURE_LOCATION)"
    mailbox="$(need TANDEM_ORGANISER_MAILBOX)"
    az account set --subscription "$subscription"
    az group create --name "$group" --location "$location" --output none
    outputs="$(mktemp)"
    trap 'rm -f "$outputs"' EXIT
    # appClientId is empty only on the first run: later runs declare the app registration once,
    # so its Application ID URI and pre-authorised clients are never reset.
    az deployment group create \
      --resource-group "$group" \
      --name "tandem-$env_name" \
      --template-file infra/main.bicep \
      --parameters environmentName="$env_name" location="$location" \
        organiserMailbox="$mailbox" teamsAppId="$(value TEAMS_APP_ID)" \
        appClientId="$(value AAD_APP_CLIENT_ID)" customDomain="$(value TAB_CUSTOM_DOMAIN)" \
      --query properties.outputs --output json >"$outputs"
    write_env_and_package "$outputs"
    echo "Next: infra/exchange-rbac.ps1 (organiser mailbox access), then infra/deploy.sh code $env_name."
    ;;
  env)
    [[ -f "${3:-}" ]] || usage
    write_env_and_package "$3"
    ;;
  code)
    group="$(need AZURE_RESOURCE_GROUP_NAME)"
    static_web_app="$(need STATIC_WEB_APP_NAME)"
    api="$(need API_ENDPOINT)"
    tenant="$(need TENANT_ID)"
    client="$(need AAD_APP_CLIENT_ID)"
    npm run build
    printf '{ "mode": "production", "apiBaseUrl": "%s", "tenantId": "%s", "clientId": "%s" }\n' \
      "$api" "$tenant" "$client" >tab/dist/tab-config.json
    deploy_functions
    token="$(az staticwebapp secrets list --name "$static_web_app" --resource-group "$group" --query properties.apiKey --output tsv)"
    npx --yes @azure/static-web-apps-cli deploy ./tab/dist --deployment-token "$token" --env production
    ;;
  functions)
    deploy_functions
    ;;
  *)
    usage
    ;;
esac
