// The built-in desks' names by id, without their adapters: the panel shows a name and needs none of
// the page-reading code. tests/unit/desk-names.test.ts keeps this table equal to DESKS.
export const DESK_NAMES: Readonly<Record<string, string>> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  intercom: 'Intercom',
  front: 'Front',
  gorgias: 'Gorgias',
  zoho: 'Zoho Desk',
  hubspot: 'HubSpot',
};
