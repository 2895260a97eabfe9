import { describe, expect, it } from 'vitest';
import { fromOwnContentScript, fromOwnPage, fromOwnPanel } from '../../src/messaging';

const ID = 'kmkpgmmlenagfleidgaokjleckhnobak';
const panelUrl = `chrome-extension://${ID}/src/panel/index.html`;
const tab = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, discarded: false, autoDiscardable: true, groupId: -1, selected: true, frozen: false } as chrome.tabs.Tab;

describe('message senders', () => {
  it('takes the panel as a panel whether it is the side panel or a tab', () => {
    expect(fromOwnPanel({ id: ID, url: panelUrl }, ID)).toBe(true);
    expect(fromOwnPanel({ id: ID, url: panelUrl, tab }, ID)).toBe(true);
  });

  it('never takes a content script, another extension or the options page for the panel', () => {
    expect(fromOwnPanel({ id: ID, url: 'https://acme.zendesk.com/agent/tickets/42', tab, frameId: 0 }, ID)).toBe(false);
    expect(fromOwnPanel({ id: 'other', url: `chrome-extension://other/src/panel/index.html` }, ID)).toBe(false);
    expect(fromOwnPanel({ id: ID, url: `chrome-extension://${ID}/src/options/index.html` }, ID)).toBe(false);
    expect(fromOwnPanel({ id: ID }, ID)).toBe(false);
  });

  it('keeps the stricter checks as they were: own pages outside tabs, content scripts in a top frame', () => {
    expect(fromOwnPage({ id: ID, url: panelUrl }, ID)).toBe(true);
    expect(fromOwnPage({ id: ID, url: panelUrl, tab }, ID)).toBe(false);
    expect(fromOwnContentScript({ id: ID, url: 'https://acme.zendesk.com/', tab, frameId: 0 }, ID)).toBe(true);
    expect(fromOwnContentScript({ id: ID, url: 'https://acme.zendesk.com/', tab, frameId: 3 }, ID)).toBe(false);
  });
});
