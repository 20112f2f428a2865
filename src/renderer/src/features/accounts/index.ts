// What other domains may use of accounts: the settings page shows the organisation's details
// (kept in accounts) above the shop's own settings.
export { OrganisationForm } from './organisation/organisation-form'
