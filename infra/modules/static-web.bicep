@description('Azure region of the static web app (Static Web Apps is offered in a few regions).')
param location string

@description('Name of the static web app serving the tab.')
param name string

@description('Tags applied to every resource.')
param tags object

@description('Custom domain for the tab (its CNAME must point at the default host first); empty for none.')
param customDomain string = ''

// The tab is static files: Static Web Apps (Free) gives them an HTTPS origin with its own
// certificate at no idle cost. Teams SSO's Application ID URI is built on this host name.
resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Free', tier: 'Free' }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }

  // https://learn.microsoft.com/en-us/azure/static-web-apps/custom-domain
  resource domain 'customDomains' = if (!empty(customDomain)) {
    name: empty(customDomain) ? 'unused' : customDomain
    properties: { validationMethod: 'cname-delegation' }
  }
}

output id string = site.id
output name string = site.name
output hostName string = site.properties.defaultHostname
