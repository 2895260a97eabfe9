// Zoho Desk (desk.zoho.* in each data centre). Sources:
// - URL /agent/<portal>/<department>/tickets/details/<id>: issue #8; a public Zoho Desk content script's tests.
// - One .zd_v2-ticketdetailview-container per open ticket, data-id="subTab_<id>" (earlier tickets stay
//   mounted), thread text in [data-id="threadContent"]: the same public tests (code search).
// - Subject [data-id="caseSubjectText"], number .zd_v2-ticketsubject-ticketIdText:
//   clockify/browser-extension src/integrations/zoho-desk and a public ZohoDesk time-tracker integration.
// - The reply editor lives in a same-origin iframe (issue #8: "may use iframes"); editor() returns its body.
// Unverified (fixture-defined): contact name/email hooks, the thread item and its author.
import { deskAdapter } from './common';

export const zoho = deskAdapter({
  id: 'zoho',
  name: 'Zoho Desk',
  matches: ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'sa'].map((tld) => `https://desk.zoho.${tld}/*`).concat('https://desk.zohocloud.ca/*'),
  url: /^\/agent\/.+\/tickets\/details\/(\d+)(?:[/?#]|$)/,
  scope: ['.zd_v2-ticketdetailview-container[data-id="subTab_{id}"]'],
  subject: ['[data-id="caseSubjectText"]'],
  customerName: ['[data-id="contactName"]'],
  email: ['[data-id="contactEmail"]'],
  channel: ['[data-id="ticketChannel"]'],
  messages: '[data-id="threadItem"]',
  sender: '[data-id="threadAuthor"]',
  body: '[data-id="threadContent"]',
  editor: ['iframe.ze_area', '[data-id="replyEditor"] [contenteditable="true"]'],
  composer: '[data-id="replyEditor"]',
});
