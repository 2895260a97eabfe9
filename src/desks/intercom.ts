// Intercom Inbox (app.intercom.com and its EU/AU regions). Selector sources:
// - URLs /a/inbox/<app>/inbox/.../conversation/<id> and the older /a/apps/<app>/inbox/inbox/conversation/<id>:
//   issue #8; dmatt/slackercom README (public).
// - [data-conversation-id] on the conversation card, which lets several stay mounted:
//   toggl/track-extension src/content/intercom.js. Title [data-inbox-conversation-header-title]:
//   clockify/browser-extension src/integrations/intercom.js.
// - The composer is ProseMirror: issue #8.
// Unverified (fixture-defined): the customer's name/email in the details sidebar and the conversation
// parts' attributes (author type, body).
import { deskAdapter } from './common';

export const intercom = deskAdapter({
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  url: /^\/a\/(?:apps\/[^/]+\/)?inbox\/.*\/conversations?\/(\d+)(?:[/?#]|$)/,
  scope: ['[data-conversation-id="{id}"]'],
  subject: ['[data-inbox-conversation-header-title]'],
  customerName: ['[data-user-details-name]'],
  email: ['[data-user-details-email]'],
  channel: ['[data-conversation-channel]'],
  messages: '[data-part-author-type]',
  customer: '[data-part-author-type="user"] [data-part-body]',
  editor: ['.ProseMirror[contenteditable="true"]'],
  composer: '.ProseMirror',
});
