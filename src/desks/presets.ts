// Presets for self-hosted desks: they live on the company's own host, so they are custom desks
// (match patterns granted at runtime) whose URL regex and selectors come from here. Sources:
// - Zammad: `#ticket/zoom/<id>` routes; one `.content` per open task (only the visible one `.active`), each
//   `#content_permanent_<task key>` with the key 'Ticket-<id>' (zammad/zammad app/assets/javascripts/app/
//   controllers/ticket_zoom.coffee, TicketZoomRouter; the task manager's qunit test reads #content_permanent_<key>).
//   Scoping to the URL's own task (not to `.content.active`) means a read between the hash change and the
//   task switch cannot take the previous ticket's content for this one. `.ticket-number`, `.ticket-title-update`, `.ticket-article-item` with `.customer`/`.agent` and
//   `.is-internal`, `.richtext-content`, `.articleNewEdit-body`: issue #8 and Zammad's own browser tests
//   (zammad/zammad spec/ and test/browser, code search); customer name `[data-tab="customer"] [title="Name"]`:
//   toggl/track-extension src/content/zammad.js.
// - FreeScout: `/conversation/<id>`, `.conv-subjtext`, `.conv-customer-block .customer-name/.customer-email`,
//   `#conv-layout-main .thread.thread-type-customer|message` with `.thread-content`, newest thread first:
//   FreeScout's conversation views and public FreeScout modules (code search); Summernote `.note-editable`.
//   Issue #14, from freescout-help-desk/freescout resources/views/conversations/view.blade.php and
//   public/js/main.js (initConversation), and a real 1.8.235 install: the conversation number
//   `.conv-numnav strong` (a column of its own, not the URL's id); the title '#<number> <subject> - <customer>'
//   (section title_full); one `.conv-reply-block.hidden` holding the Summernote editor until the agent clicks
//   `.conv-actions .conv-reply` (Reply), which becomes `.conv-note-block` for a note (`.conv-add-note`) and
//   `.conv-forward-block` for a forward.
// - osTicket: `/scp/tickets.php?id=<id>`, `.tixTitle h3`, `#ticket_thread .thread-entry.message|response`
//   with `.thread-body`, `#user-<n>-name|email`: osTicket's staff ticket view (include/staff/ticket-view.inc.php)
//   and clockify/browser-extension src/integrations/osticket.js; Redactor (`.redactor-in`, older `.redactor-editor`)
//   over `textarea#response`: issue #8. Two composers (issue #14, include/staff/ticket-view.inc.php and a real
//   1.18.1 install with Redactor 3.5.2): `form#reply` (`.redactor-in-0` over `textarea#response`) and
//   `form#note.hidden` (`.redactor-in-1` over `textarea#internal_note`), switched by the `#post-reply-tab` /
//   `#post-note-tab` tabs, which toggle `hidden` on the forms.
// - Chatwoot: `/app/accounts/<n>/(inbox/<n>/|label/<x>/|…)conversations/<id>`, messages `li.left` (incoming) /
//   `li.right` in `.conversation-panel` with `.message-text__wrap`, `.contact--name`, ProseMirror
//   `.ProseMirror-woot-style`: chatwoot/chatwoot app/javascript (code search) and a public content script.
// - Jira Service Management: `/browse/KEY-1` and `/jira/servicedesk/projects/KEY/queues/.../KEY-1`,
//   `[data-testid="issue.views.issue-base.foundation.summary.heading"]`, the description
//   `[data-testid="issue.views.field.rich-text.description"]` (public Jira content scripts, code search);
//   the editor `#ak-editor-textarea` (Atlassian's ProseMirror editor): issue #8. The issue key in
//   `[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]` (many public Jira
//   scripts read it) tells a rendered issue from the previous one.
//   Comments are not read: the DOM verified here does not mark which comments the customer wrote.
import { DESK_PRESETS, type CustomDeskSelectors, type DeskPresetId } from '../core/pack/types';

export interface DeskPreset {
  name: string;
  /** Regex source matched against the full URL; group 1 is the ticket id. */
  ticketUrlPattern: string;
  selectors: CustomDeskSelectors;
  /** The desk lists the newest message first. */
  newestFirst?: boolean;
  /** An element naming the ticket id: until it names the URL's ticket, the page still shows the previous
   *  one (single-page desks change the URL before they re-render). Not in the pack format: presets only. */
  idIn?: string;
  /** What the desk calls the ticket where it differs from the URL's id, and a document.title fallback
   *  (see DeskSpec). Presets only, like the composers and the opener below. */
  number?: string;
  title?: RegExp;
  /** Several composers around one or more editors: [selector around the editor, name]; the rest is the reply. */
  composers?: readonly (readonly [string, string])[];
  /** The control that opens a closed reply box. */
  opener?: string;
}

/** Keyed by the pack format's preset ids, so the validator and the presets cannot drift apart. */
export const PRESETS: Readonly<Record<DeskPresetId, DeskPreset>> = {
  zammad: {
    name: DESK_PRESETS.zammad,
    ticketUrlPattern: '#ticket/zoom/(\\d+)',
    selectors: {
      active: '#content_permanent_Ticket-{id}',
      subject: '.ticket-title-update',
      customerName: '[data-tab="customer"] [title="Name"]',
      messages: '.ticket-article-item.customer:not(.is-internal), .ticket-article-item.agent:not(.is-internal)',
      customerMessage: '.ticket-article-item.customer:not(.is-internal) .richtext-content',
      editor: '.articleNewEdit-body',
    },
  },
  freescout: {
    name: DESK_PRESETS.freescout,
    ticketUrlPattern: '/conversation/(\\d+)',
    selectors: {
      subject: '.conv-subjtext',
      customerName: '.conv-customer-block .customer-name',
      customerEmail: '.conv-customer-block .customer-email',
      messages: '#conv-layout-main .thread-type-customer, #conv-layout-main .thread-type-message',
      customerMessage: '#conv-layout-main .thread-type-customer .thread-content',
      editor: '.note-editable',
    },
    newestFirst: true,
    number: '.conv-numnav strong',
    title: /^#(\d+) (.+?)(?: - (?:(?! - ).)+)?$/,
    composers: [['.conv-note-block', 'internal note'], ['.conv-forward-block', 'forward']],
    opener: '.conv-actions .conv-reply',
  },
  osticket: {
    name: DESK_PRESETS.osticket,
    ticketUrlPattern: '/scp/tickets\\.php\\?(?:[^#]*&)?id=(\\d+)',
    selectors: {
      subject: '.tixTitle h3',
      customerName: '[id^="user-"][id$="-name"]',
      customerEmail: '[id^="user-"][id$="-email"]',
      messages: '#ticket_thread .thread-entry.message, #ticket_thread .thread-entry.response',
      customerMessage: '#ticket_thread .thread-entry.message .thread-body',
      editor: '.redactor-in, .redactor-editor, textarea#response, textarea#internal_note',
    },
    composers: [['form#note', 'internal note']],
    opener: '#post-reply-tab',
  },
  chatwoot: {
    name: DESK_PRESETS.chatwoot,
    ticketUrlPattern: '/app/accounts/\\d+/(?:[^?#]*/)?conversations/(\\d+)',
    selectors: {
      customerName: '.contact--name',
      customerEmail: '.contact--details a[href^="mailto:"]',
      messages: '.conversation-panel > li.left, .conversation-panel > li.right:not(.is-private)',
      customerMessage: '.conversation-panel > li.left .message-text__wrap',
      editor: '.ProseMirror-woot-style, .editor-root .ProseMirror',
    },
  },
  jira: {
    name: DESK_PRESETS.jira,
    ticketUrlPattern: '/(?:browse|jira/servicedesk/projects/[^/]+/queues/[^?#]*)/([A-Z][A-Z0-9]+-\\d+)',
    selectors: {
      subject: '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
      customerName: '[data-testid="issue.views.field.user.reporter"]',
      customerMessage: '[data-testid="issue.views.field.rich-text.description"]',
      editor: '#ak-editor-textarea',
    },
    idIn: '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]',
  },
};

/** The preset a definition names, if it is one we know. */
export function presetOf(id: string | undefined): DeskPreset | undefined {
  return id && Object.prototype.hasOwnProperty.call(PRESETS, id) ? PRESETS[id as DeskPresetId] : undefined;
}
