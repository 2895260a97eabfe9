// Freshdesk (the "Mint" agent UI, 2018–2026). Selector sources:
// - URL /a/tickets/(\d+): issue #8; the same path in public time-tracker integrations (devart, clockify).
// - .ticket-subject-heading and the ticket number in .breadcrumb__item.active: toggl/track-extension
//   src/content/freshdesk.js and clockify/browser-extension src/integrations/freshdesk.js.
// - requester [data-test-id="user-name"] inside .requester-wrap / .sender-info, mailto links, and
//   conversation items .ticket-details__item(__content): public Freshdesk content scripts (code search).
// - Froala reply editor .fr-element.fr-view inside .fr-box: issue #8 and Froala's own class names.
// Unverified against a live desk: the sender element inside each conversation item.
import { deskAdapter } from './common';

export const freshdesk = deskAdapter({
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*'],
  url: /^\/a\/tickets\/(\d+)(?:[/?#]|$)/,
  // One ticket is mounted at a time; the breadcrumb names it once the new one has rendered.
  idIn: '.breadcrumb__item.active',
  subject: ['.ticket-subject-heading'],
  customerName: ['.requester-wrap [data-test-id="user-name"]', '.sender-info [data-test-id="user-name"]'],
  email: ['.requester-wrap a[href^="mailto:"]', '.sender-info a[href^="mailto:"]'],
  messages: '.ticket-details__item',
  sender: '[data-test-id="user-name"]',
  body: '.ticket-details__item__content',
  editor: ['.fr-element.fr-view[contenteditable="true"]', '.fr-element'],
  composer: '.fr-box',
});
