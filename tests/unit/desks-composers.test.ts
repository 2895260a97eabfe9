// Issue #14: insertion goes only where the agent can see it (two composers with one hidden, a closed
// reply box with its opener), the panel names the composer, and FreeScout's own conversation number
// and page title. Against the fixtures copied from real osTicket 1.18.1 and FreeScout 1.8.235 pages.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFocusMemory, type FocusMemory } from '../../src/content/focus-memory';
import { chooseTarget, openEditor, type Choice, type Target } from '../../src/content/target';
import { customAdapter } from '../../src/desks/custom';
import { PRESETS } from '../../src/desks/presets';
import type { DeskAdapter } from '../../src/desks/types';
import { describeDelivery } from '../../src/panel/insert-into-desk';
import { loadDeskFixture, urlAt } from './desks-fixture';

// jsdom has no layout: stand in for Chrome's checkVisibility with the same rule over computed styles
// (display: none or visibility: hidden on the element or above it), which jsdom does compute; and it has
// no isContentEditable (as in insert.test.ts). Real Chromium runs the same paths in composers.e2e.ts.
beforeAll(() => {
  if (!('isContentEditable' in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
      get(this: HTMLElement) {
        const v = this.closest('[contenteditable]')?.getAttribute('contenteditable');
        return v === '' || v === 'true' || v === 'plaintext-only';
      },
    });
  }
  Element.prototype.checkVisibility = function (this: Element) {
    for (let e: Element | null = this; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return true;
  };
});

const adapterFor = (preset: 'osticket' | 'freescout') =>
  customAdapter({ id: preset, name: preset, matches: ['https://help.acme.test/*'], ticketUrlPattern: '', preset });
const el = (sel: string) => document.querySelector(sel) as HTMLElement;
const click = (sel: string) => el(sel).click();
const target = (c: Choice): Target => {
  if (!('el' in c)) throw new Error(`no target: ${c.reason}`);
  return c;
};

let memory: FocusMemory | undefined;
afterEach(() => memory?.dispose());

describe('osTicket: two Redactor editors, one hidden', () => {
  let a: DeskAdapter;
  beforeAll(() => (a = adapterFor('osticket')));

  it('lists both editors, and the hidden note editor is not the one to use while Post Reply is open', async () => {
    await loadDeskFixture('osticket', 42);
    memory = createFocusMemory(document);
    // Redactor hides each textarea it replaces; with rich text off the textareas are the editors.
    expect(a.editors!(document).map((e) => e.id)).toEqual(['editor-42', 'response', 'note-42', 'internal_note']);
    const t = target(await chooseTarget(a, document, memory));
    expect([t.el.id, t.into]).toEqual(['editor-42', 'reply']);
    expect(a.editor(document)?.id).toBe('editor-42');
  });

  it('with the Internal Note tab open, chooses the note and names it, never the hidden reply', async () => {
    await loadDeskFixture('osticket', 42);
    memory = createFocusMemory(document);
    click('#post-note-tab');
    const t = target(await chooseTarget(a, document, memory));
    expect([t.el.id, t.into]).toEqual(['note-42', 'internal note']);
    expect(a.editor(document)?.id).toBe('note-42');
  });

  it('passes over the editor the agent last typed in once its tab is hidden', async () => {
    await loadDeskFixture('osticket', 42);
    el('#editor-42').focus();
    memory = createFocusMemory(document);
    expect(memory.lastEditable()?.el.id).toBe('editor-42');
    click('#post-note-tab');
    expect(openEditor(a, document, memory)).toMatchObject({ into: 'internal note' });
    expect(openEditor(a, document, memory)?.el.id).toBe('note-42');
  });

  it('keeps the field the agent was typing in when it is still shown, and says it is the note', async () => {
    await loadDeskFixture('osticket', 42);
    click('#post-note-tab');
    el('#title').focus();
    memory = createFocusMemory(document);
    const t = target(await chooseTarget(a, document, memory));
    expect([t.el.id, t.into]).toEqual(['title', 'internal note']);
    expect(t.restore).toBeTypeOf('function');
  });

  it('with every composer hidden and no tab to open one, says the reply box is closed', async () => {
    await loadDeskFixture('osticket', 42);
    memory = createFocusMemory(document);
    (window as unknown as { __osticket: { closeAll(): void } }).__osticket.closeAll();
    expect(await chooseTarget(a, document, memory, 50)).toEqual({ reason: 'The reply box is closed.', closed: true });
  });

  it('opens Post Reply with its tab when no composer is shown', async () => {
    await loadDeskFixture('osticket', 42);
    memory = createFocusMemory(document);
    for (const form of document.querySelectorAll('#response_options .tab_content')) form.classList.add('hidden');
    const t = target(await chooseTarget(a, document, memory));
    expect([t.el.id, t.into]).toEqual(['editor-42', 'reply']);
    expect(el('#reply').classList.contains('hidden')).toBe(false);
  });
});

describe('FreeScout: a closed reply box and its Reply button', () => {
  let a: DeskAdapter;
  beforeAll(() => (a = adapterFor('freescout')));

  it('clicks Reply, waits for the editor to show, and takes it', async () => {
    await loadDeskFixture('freescout', 42);
    memory = createFocusMemory(document);
    expect(openEditor(a, document, memory)).toBeNull(); // on the page, but closed
    const t = target(await chooseTarget(a, document, memory));
    expect([t.el.id, t.into]).toEqual(['editor-42', 'reply']);
    expect(el('.conv-reply-block').classList.contains('hidden')).toBe(false);
  });

  it('waits for an editor the desk shows a moment after the click', async () => {
    await loadDeskFixture('freescout', 42);
    memory = createFocusMemory(document);
    // A desk that opens its box asynchronously (an animation, an editor created on demand).
    el('.conv-reply').addEventListener('click', (e) => {
      e.stopImmediatePropagation();
      setTimeout(() => el('.conv-reply-block').classList.remove('hidden'), 30);
    });
    const t = target(await chooseTarget(a, document, memory));
    expect(t.el.id).toBe('editor-42');
  });

  it('names a note opened with Note as the internal note', async () => {
    await loadDeskFixture('freescout', 42);
    memory = createFocusMemory(document);
    click('.conv-add-note');
    expect(openEditor(a, document, memory)).toMatchObject({ into: 'internal note' });
  });

  it('gives up after the wait when the opener opens nothing, without touching the hidden editor', async () => {
    await loadDeskFixture('freescout', 42);
    memory = createFocusMemory(document);
    el('.conv-reply').addEventListener('click', (e) => e.stopImmediatePropagation());
    expect(await chooseTarget(a, document, memory, 50)).toEqual({ reason: 'The reply box is closed.', closed: true });
    expect(el('#editor-42').textContent).toBe('');
  });

  it('reads the conversation number, which differs from the id in the URL', async () => {
    await loadDeskFixture('freescout', 42);
    expect(a.read(document, urlAt('help.acme.test'))).toMatchObject({ ticketId: '42', number: '2', subject: 'Refund for order #1042 still missing' });
  });

  it('falls back to the page title for the subject and the number', async () => {
    await loadDeskFixture('freescout', 42);
    el('.conv-subjtext').remove();
    el('.conv-numnav').remove();
    const t = a.read(document, urlAt('help.acme.test'))!;
    expect(t).toMatchObject({ number: '2', subject: 'Refund for order #1042 still missing' });
    expect(t.missing).toBeUndefined();
  });

  it('keeps " - " inside a subject and drops only the customer from the title', () => {
    const re = PRESETS.freescout.title!;
    expect(re.exec('#7 Refund - urgent - Anne-Marie Dupont')?.slice(1)).toEqual(['7', 'Refund - urgent']);
    expect(re.exec('#7 Refund')?.slice(1)).toEqual(['7', 'Refund']);
    expect(re.exec('FreeScout')).toBeNull();
  });

  it('reports no number for desks whose number is the URL id', async () => {
    await loadDeskFixture('osticket', 42);
    expect(adapterFor('osticket').read(document, urlAt('help.acme.test'))?.number).toBeUndefined();
  });
});

describe("the panel's delivery line", () => {
  it('names the composer, or says the text went where the agent was typing', () => {
    expect(describeDelivery({ kind: 'inserted', method: 'paste', into: 'internal note' })).toBe('Inserted into the internal note.');
    expect(describeDelivery({ kind: 'inserted', method: 'paste', into: 'reply' })).toBe('Inserted into the reply.');
    expect(describeDelivery({ kind: 'inserted', method: 'paste' })).toBe('Inserted where you were typing.');
  });

  it('tells the agent to open the reply when it is closed', () => {
    expect(describeDelivery({ kind: 'copied', reason: 'The reply box is closed.', closed: true })).toMatch(/reply box is closed.*clipboard.*open the reply.*Ctrl\+V/);
  });
});
