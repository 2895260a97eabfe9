// Help Scout (secure.helpscout.net, 2023–2026 UI). Selector sources:
// - URL /conversation/<conversation id>/<ticket number>: issue #8 and the regex in
//   clockify/browser-extension src/integrations/helpscout.js; the number is what agents see as "#123".
// - subject [aria-label="Conversation Subject"] (clockify) and the older [data-cy="EditableTextarea"]
//   (toggl/track-extension src/content/helpscout.js).
// - customer email [data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"] .c-Truncate__content:
//   public Help Scout content scripts and their tests (code search).
// Unverified (fixture-defined, following Help Scout's data-cy naming): Sidebar.CustomerName, the thread
// items and their author/body, and the reply editor's container; the editor is a plain contenteditable here.
import { deskAdapter } from './common';

export const helpscout = deskAdapter({
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  url: /^\/conversation\/\d+\/(\d+)(?:[/?#]|$)/,
  subject: ['[aria-label="Conversation Subject"]', '[data-cy="EditableTextarea"]'],
  customerName: ['[data-cy="Sidebar.CustomerName"]'],
  email: ['[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"] .c-Truncate__content', '[data-cy="Sidebar.CustomerEmails"] a'],
  messages: '[data-cy="Thread"]',
  sender: '[data-cy="Thread.Author"]',
  body: '[data-cy="Thread.Body"]',
  editor: ['[data-cy="ReplyEditor"] [contenteditable="true"]'],
  composer: '[data-cy="ReplyEditor"]',
});
