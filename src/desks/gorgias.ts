// Gorgias (<shop>.gorgias.com). Sources:
// - URL /app/ticket/(\d+): issue #8 and many public Gorgias integrations that build ticket links
//   (https://<domain>.gorgias.com/app/ticket/<id>).
// - The reply editor is Draft.js (.public-DraftEditor-content): Draft.js's own class names; not on npm
//   here, so the fixture uses a contenteditable stand-in with those classes.
// Unverified (fixture-defined, data-testid hooks in the style Gorgias' helpdesk app uses): subject,
// customer name/email, channel, the message list and the customer/agent marker.
import { deskAdapter } from './common';

export const gorgias = deskAdapter({
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/*'],
  url: /^\/app\/ticket\/(\d+)(?:[/?#]|$)/,
  subject: ['[data-testid="ticket-subject"] input', '[data-testid="ticket-subject"]'],
  customerName: ['[data-testid="customer-name"]'],
  email: ['[data-testid="customer-email"]'],
  channel: ['[data-testid="ticket-channel"]'],
  messages: '[data-testid="ticket-message"]',
  customer: '[data-testid="ticket-message"][data-from-agent="false"] [data-testid="message-body"]',
  editor: ['.public-DraftEditor-content[contenteditable="true"]'],
  composer: '.DraftEditor-root',
});
