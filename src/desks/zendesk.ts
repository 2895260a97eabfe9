// Zendesk Agent Workspace (2025–2026 markup). Selector sources: the Agent Workspace DOM as
// surveyed in issue #3 (data-test-id attributes are the most stable hooks Zendesk ships;
// class names are generated and change often). Older "ticket-pane-subject" kept as a fallback.
import { channelFromLabel, firstNameOf, ticketKey, type TicketContext } from '../core/ticket';
import type { DeskSelectorOverride } from '../core/pack/types';
import { attrOf, first, hostOf, lastMatches, q, textOf, FieldReport } from './dom';
import { around, emailOf, headerOf, senderOf } from './common';
import type { DeskAdapter } from './types';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

/** Zendesk's own selectors (exported for "Test on the open tab" in the options page). */
export const SEL = {
  selectedTab: '[data-test-id="header-tab"][data-selected="true"]',
  activePane: '.ticket-panes-grid-layout[data-is-active="true"]',
  subject: ['input[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-subject"]'],
  requester: '[data-test-id="ticket-system-field-requester-select"]',
  requesterName: '[data-garden-id="typography.ellipsis"]',
  requesterAvatar: '[data-garden-id="tags.avatar"] img',
  message: '[data-test-id="omni-log-container"] article[data-test-id="omni-log-comment-item"]',
  sender: '[data-test-id="omni-log-item-sender"]',
  content: '[data-test-id="omni-log-message-content"]',
  channel: '[data-test-id="omnichannel-channel-switcher"]',
  switcher: '[data-test-id="omnichannel-channel-switcher-button"], [data-test-id="omnichannel-channel-switcher"]',
  editor: ['div[data-test-id="omnicomposer-rich-text-ckeditor"].ck-editor__editable', 'div[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable', '.ck-editor__editable[contenteditable="true"]'],
} as const;

function activePane(doc: Document, ticketId: string): Element | null {
  // The URL changes before the pane renders: until the selected tab names this ticket,
  // the active pane still belongs to the previous one and must not be read.
  const tab = doc.querySelector(SEL.selectedTab);
  const tabId = tab?.getAttribute('data-entity-id');
  if (tabId && tabId !== ticketId) return null;
  return doc.querySelector(SEL.activePane);
}

/** Zendesk, reading with a pack's selector fixes (`o`) in place of its own where given. */
function zendeskWith(o: DeskSelectorOverride): DeskAdapter {
  const subjectSel = o.subject ? [o.subject] : SEL.subject;
  const channelSel = o.channel ?? SEL.channel;
  const messageSel = o.messages ?? SEL.message;
  return {
    withSelectors: zendeskWith,
    id: 'zendesk',
    name: 'Zendesk',
    matches: ['https://*.zendesk.com/*'],
    composerSelector: '.ck-editor, [data-test-id="omnicomposer-rich-text-ckeditor"]',

    ticketIdFrom(url) {
      return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    },

    read(doc, url, prev) {
      const ticketId = this.ticketIdFrom(url);
      if (!ticketId) return null;
      const host = hostOf(url);
      const base: TicketContext = { desk: 'zendesk', host, ticketId, key: ticketKey('zendesk', host, ticketId), url: url.href };
      const f = new FieldReport();
      const pane = activePane(doc, ticketId);
      if (!pane) return { ...base, missing: ['pane'] };

      // Only the conversation changed (see DeskAdapter.read): the header comes from the last read.
      const header = headerOf(prev, base.key);
      let subject, name, email, channel;
      if (header) {
        ({ subject, channel } = header);
        ({ name, email } = header.customer ?? {});
      } else {
        subject = f.take('subject', textOf(first(pane, subjectSel), 300));
        const requester = pane.querySelector(SEL.requester);
        name = f.take('customer.name', textOf(o.customerName ? q(pane, o.customerName) : requester?.querySelector(SEL.requesterName), 120));
        email = f.take('customer.email', o.customerEmail ? emailOf(q(pane, o.customerEmail)) : attrOf(requester?.querySelector(SEL.requesterAvatar), 'alt'));
        channel = f.take('channel', channelFromLabel(textOf(q(pane, channelSel), 40)));
      }

      const messages = lastMatches(pane, messageSel);
      const who = name?.toLowerCase();
      // Each message's sender is read once (senderOf remembers it), so a long chat costs little per read.
      // A pack's customerMessage names the customer's messages directly, each match its body.
      const fromCustomer = o.customerMessage ? lastMatches(pane, o.customerMessage) : messages.filter((m) => {
        const sender = senderOf(m, SEL.sender);
        return !who || !sender || sender === who;
      });
      const latest = fromCustomer[fromCustomer.length - 1];
      const lastCustomerMessage = f.take('lastCustomerMessage', textOf(o.customerMessage ? latest : latest?.querySelector(SEL.content)));
      const when = Date.parse(latest?.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');

      const customer = name || email ? { name, firstName: firstNameOf(name), email } : undefined;
      return {
        ...base,
        subject,
        customer,
        channel,
        lastCustomerMessage,
        customerMessages: fromCustomer.length || undefined,
        agentMessages: name ? messages.length - fromCustomer.length : undefined,
        lastCustomerMessageAt: Number.isFinite(when) ? when : undefined,
        lastFromCustomer: name && latest ? messages[messages.length - 1] === latest : undefined,
        missing: f.missing.length ? f.missing : undefined,
      };
    },

    regions(doc, url) {
      const id = this.ticketIdFrom(url);
      const pane = id ? activePane(doc, id) : null;
      if (!pane) return null;
      const messages = lastMatches(pane, messageSel);
      const header = [first(pane, subjectSel), pane.querySelector(SEL.requester), q(pane, channelSel), doc.querySelector(SEL.selectedTab), o.customerName ? q(pane, o.customerName) : null, o.customerEmail ? q(pane, o.customerEmail) : null];
      return { root: pane, header: header.filter((el): el is Element => !!el), log: pane.querySelector('[data-test-id="omni-log-container"]') ?? around(messages[0], messages[messages.length - 1]) };
    },

    // The composer's channel switcher names its mode; public Zendesk scripts tell "Internal note" from a
    // public reply by the switcher button's aria-label (omnichannel-channel-switcher-button, code search).
    composerOf(el) {
      const sw = el.closest('.ticket-panes-grid-layout')?.querySelector(SEL.switcher);
      return sw && el.closest(this.composerSelector!) && /internal note/i.test(sw.getAttribute('aria-label') || sw.textContent || '') ? 'internal note' : undefined;
    },

    editor(doc) {
      const url = new URL(doc.location?.href ?? 'https://invalid/');
      const id = this.ticketIdFrom(url);
      const scope = (id && activePane(doc, id)) || doc;
      return first(scope, o.editor ? [o.editor] : SEL.editor) as HTMLElement | null;
    },
  };
}

export const zendesk: DeskAdapter = zendeskWith({});
