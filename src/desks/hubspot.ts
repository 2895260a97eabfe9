// HubSpot Help Desk (app.hubspot.com, app-eu1.hubspot.com). Sources:
// - URLs /help-desk/<portal>/view/<view>/ticket/<id> and .../ticket/<id>/thread/<thread>: issue #8 and
//   public HubSpot ticket links and content scripts (code search).
// - [data-test-id="ticket-header-name-link"] (subject, a link to .../ticket/<id>) and
//   [data-test-id="ticket-header-contact-detail-link"] a (the contact): clockify/browser-extension
//   src/integrations/hubspot.js and a public HubSpot ticket extractor; [data-test-id="AgentThreadHistory"]:
//   a public HubSpot content script.
// Unverified (fixture-defined): message items inside the thread history and the composer's editable
// (a ProseMirror stand-in in the fixture; the adapter relies on a contenteditable in the composer).
import { deskAdapter } from './common';

export const hubspot = deskAdapter({
  id: 'hubspot',
  name: 'HubSpot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  url: /\/ticket\/(\d+)(?:[/?#]|$)/,
  // The header links to the ticket it shows: until it names this one, the panel still shows the last.
  idIn: '[data-test-id="ticket-header-name-link"] a',
  subject: ['[data-test-id="ticket-header-name-link"]'],
  customerName: ['[data-test-id="ticket-header-contact-detail-link"] a'],
  channel: ['[data-test-id="thread-channel"]'],
  messages: '[data-test-id="AgentThreadHistory"] [data-test-id="thread-message"]',
  customer: '[data-test-id="thread-message"][data-direction="incoming"] [data-test-id="message-body"]',
  editor: ['[data-test-id="reply-editor"] [contenteditable="true"]'],
  composer: '[data-test-id="reply-editor"]',
});
