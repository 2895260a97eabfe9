import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFocusMemory, type FocusMemory } from '../../src/content/focus-memory';

// jsdom does not implement isContentEditable; give it the spec's attribute inheritance so the
// contenteditable paths run here (real browsers are covered by tests/e2e/insert.e2e.ts).
beforeAll(() => {
  if ('isContentEditable' in HTMLElement.prototype) return;
  Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
    get(this: HTMLElement) {
      const v = this.closest('[contenteditable]')?.getAttribute('contenteditable');
      return v === '' || v === 'true' || v === 'plaintext-only';
    },
  });
});

let memory: FocusMemory | undefined;
afterEach(() => {
  memory?.dispose();
  memory = undefined;
  document.body.innerHTML = '';
});

function caret(): [Node | null, number] {
  const sel = document.getSelection()!;
  return [sel.anchorNode, sel.anchorOffset];
}

describe('createFocusMemory', () => {
  it('remembers the last focused textarea and puts its caret back', () => {
    document.body.innerHTML = '<textarea id="reply">Hello world</textarea><button id="away">x</button>';
    const reply = document.querySelector<HTMLTextAreaElement>('#reply')!;
    memory = createFocusMemory(document);
    reply.focus();
    reply.setSelectionRange(6, 6);
    reply.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    document.querySelector<HTMLButtonElement>('#away')!.focus();
    reply.setSelectionRange(0, 0); // something moved it while the agent was away

    const last = memory.lastEditable();
    expect(last?.el).toBe(reply);
    last!.restore();
    expect(document.activeElement).toBe(reply);
    expect([reply.selectionStart, reply.selectionEnd]).toEqual([6, 6]);
  });

  it('keeps the last editable when focus goes to buttons or non-text inputs', () => {
    document.body.innerHTML = '<input id="subject" type="text"><input id="check" type="checkbox"><button>b</button>';
    memory = createFocusMemory(document);
    document.querySelector<HTMLInputElement>('#subject')!.focus();
    document.querySelector<HTMLInputElement>('#check')!.focus();
    document.querySelector<HTMLButtonElement>('button')!.focus();
    expect(memory.lastEditable()?.el.id).toBe('subject');
  });

  it('ignores read-only and disabled fields', () => {
    document.body.innerHTML = '<textarea id="ro" readonly></textarea><textarea id="off" disabled></textarea>';
    memory = createFocusMemory(document);
    document.querySelector<HTMLTextAreaElement>('#ro')!.focus();
    expect(memory.lastEditable()).toBeNull();
  });

  it('remembers the contenteditable host, not the paragraph inside it', () => {
    document.body.innerHTML = '<div id="host" contenteditable="true"><p id="p" tabindex="-1">Hello</p></div>';
    memory = createFocusMemory(document);
    document.querySelector<HTMLElement>('#p')!.focus();
    expect(memory.lastEditable()?.el.id).toBe('host');
  });

  it('restores a contenteditable caret by text offset after the editor re-rendered its nodes', () => {
    document.body.innerHTML = '<div id="host" contenteditable="true"><p>Hello </p><p>world</p></div><button>b</button>';
    const host = document.querySelector<HTMLElement>('#host')!;
    memory = createFocusMemory(document);
    host.focus();
    const world = host.lastElementChild!.firstChild!;
    document.getSelection()!.collapse(world, 2); // "wo|rld"
    document.dispatchEvent(new Event('selectionchange'));
    document.querySelector<HTMLButtonElement>('button')!.focus();
    // Editors replace text nodes on render; the old node (and a Range inside it) is gone.
    host.lastElementChild!.replaceChildren(document.createTextNode('world'));
    document.getSelection()!.removeAllRanges();

    memory.lastEditable()!.restore();
    const [node, offset] = caret();
    expect(node).toBe(host.lastElementChild!.firstChild);
    expect(offset).toBe(2);
  });

  it('keeps the exact range when the DOM is unchanged (end of one paragraph is not the start of the next)', () => {
    document.body.innerHTML = '<div id="host" contenteditable="true"><p>Hello</p><p>world</p></div><button>b</button>';
    const host = document.querySelector<HTMLElement>('#host')!;
    memory = createFocusMemory(document);
    host.focus();
    const hello = host.firstElementChild!.firstChild!;
    document.getSelection()!.collapse(hello, 5);
    document.dispatchEvent(new Event('selectionchange'));
    document.querySelector<HTMLButtonElement>('button')!.focus();
    document.getSelection()!.removeAllRanges();

    memory.lastEditable()!.restore();
    expect(caret()).toEqual([hello, 5]);
  });

  it('sees a textarea inside an open shadow root', () => {
    const host = document.createElement('reply-box');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea>Hi</textarea>';
    const area = root.querySelector('textarea')!;
    memory = createFocusMemory(document);
    area.focus();
    expect(memory.lastEditable()?.el).toBe(area);
  });

  it('sees an editable inside a same-origin iframe', () => {
    document.body.innerHTML = '<iframe id="frame"></iframe>';
    const frameDoc = document.querySelector<HTMLIFrameElement>('#frame')!.contentDocument!;
    frameDoc.body.innerHTML = '<textarea id="inner">Hi there</textarea>';
    memory = createFocusMemory(document);
    const inner = frameDoc.querySelector<HTMLTextAreaElement>('#inner')!;
    inner.focus();
    inner.setSelectionRange(2, 2);
    inner.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    inner.setSelectionRange(0, 0);

    const last = memory.lastEditable();
    expect(last?.el).toBe(inner);
    last!.restore();
    expect(inner.selectionStart).toBe(2);
  });

  it('picks up the editable that already has focus when it starts', () => {
    document.body.innerHTML = '<textarea id="reply"></textarea>';
    document.querySelector<HTMLTextAreaElement>('#reply')!.focus();
    memory = createFocusMemory(document);
    expect(memory.lastEditable()?.el.id).toBe('reply');
  });

  it('forgets an editable that left the page, and stops listening once disposed', () => {
    document.body.innerHTML = '<textarea id="a"></textarea><textarea id="b"></textarea>';
    memory = createFocusMemory(document);
    document.querySelector<HTMLTextAreaElement>('#a')!.focus();
    document.querySelector('#a')!.remove();
    expect(memory.lastEditable()).toBeNull();

    memory.dispose();
    document.querySelector<HTMLTextAreaElement>('#b')!.focus();
    expect(memory.lastEditable()).toBeNull();
  });
});
