// Front (app.frontapp.com). Front ships styled-components class names whose readable prefix
// (component__StyledPart) is stable and whose hash suffix is not, so every selector matches the
// prefix with [class*=...] only. Sources:
// - Conversation ids cnv_[a-z0-9]+ in URLs (app.frontapp.com/open/cnv_...): issue #8, Front's API docs
//   and the Zulip Front integration docs (public).
// - conversationSubjectWrapper__StyledSubjectContainerDiv (subject), messageViewerRecipient__StyledDetailsWrapperDiv
//   (the correspondent), conversationTopbar__StyledConversationTopbar: clockify/browser-extension
//   src/integrations/front.js.
// Unverified (fixture-defined): the message container prefix and the composer's editable (a ProseMirror
// stand-in in the fixture; the adapter only relies on a contenteditable inside the composer).
import { deskAdapter } from './common';

export const front = deskAdapter({
  id: 'front',
  name: 'Front',
  matches: ['https://app.frontapp.com/*'],
  url: /\/(cnv_[a-z0-9]+)(?:[/?#]|$)/,
  subject: ['[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"]'],
  // The first message's correspondent is the customer who opened the conversation.
  customerName: ['[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]'],
  messages: '[class*="messageViewer__StyledMessage"]',
  sender: '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]',
  body: '[class*="messageViewerBody__StyledBody"]',
  editor: ['[class*="composer__StyledComposer"] [contenteditable="true"]'],
  composer: '[class*="composer__StyledComposer"]',
});
