// jsdom has no execCommand, DataTransfer or editing, so these cover the parts that do not need a
// browser: target resolution, the controlled-field fallback and the honest "could not" answer.
// Real editors are covered by tests/e2e/insert.e2e.ts.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findEditable, insertText } from '../../src/content/insert';

beforeAll(() => {
  if ('isContentEditable' in HTMLElement.prototype) return;
  Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
    get(this: HTMLElement) {
      const v = this.closest('[contenteditable]')?.getAttribute('contenteditable');
      return v === '' || v === 'true' || v === 'plaintext-only';
    },
  });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findEditable', () => {
  it('accepts text fields and contenteditable hosts, and nothing else', () => {
    document.body.innerHTML = `
      <textarea id="ta"></textarea><input id="email" type="email"><input id="box" type="checkbox">
      <div id="host" contenteditable="true"><p id="p">Hi</p></div><div id="plain">x</div>`;
    const $ = (id: string) => document.getElementById(id);
    expect(findEditable($('ta'))?.id).toBe('ta');
    expect(findEditable($('email'))?.id).toBe('email');
    expect(findEditable($('box'))).toBeNull();
    expect(findEditable($('p'))?.id).toBe('host');
    expect(findEditable($('p')!.firstChild)?.id).toBe('host');
    expect(findEditable($('plain'))).toBeNull();
    expect(findEditable(null)).toBeNull();
  });
});

describe('insertText', () => {
  it('sets a React-style controlled textarea through the native setter at the caret, and announces it', async () => {
    document.body.innerHTML = '<textarea id="reply">Hello world</textarea>';
    const reply = document.querySelector<HTMLTextAreaElement>('#reply')!;
    // React tracks a field's value through an instance setter; a change it did not see through it
    // is what makes it fire onChange, so the insertion must bypass it.
    let tracked = reply.value;
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(reply, 'value', { configurable: true, get: () => proto.get!.call(reply), set: (v: string) => { tracked = v; proto.set!.call(reply, v); } });
    const seen: string[] = [];
    reply.addEventListener('input', () => seen.push(reply.value));
    reply.setSelectionRange(6, 6);

    const result = await insertText(reply, 'Hi Maria,\nthanks ');
    expect(result).toEqual({ ok: true, method: 'value' });
    expect(reply.value).toBe('Hello Hi Maria,\nthanks world');
    expect(tracked).toBe('Hello world');
    expect(seen).toEqual(['Hello Hi Maria,\nthanks world']);
    expect(reply.selectionStart).toBe('Hello Hi Maria,\nthanks '.length);
  });

  it('turns line breaks into spaces in a single-line input', async () => {
    document.body.innerHTML = '<input id="q" type="text" value="">';
    const input = document.querySelector<HTMLInputElement>('#q')!;
    const result = await insertText(input, 'Hi Maria,\nthanks');
    expect(result.ok).toBe(true);
    expect(input.value).toBe('Hi Maria, thanks');
  });

  it('finds the field inside a wrapper it was given', async () => {
    document.body.innerHTML = '<div id="composer"><textarea></textarea></div>';
    const result = await insertText(document.querySelector<HTMLElement>('#composer')!, 'Thanks');
    expect(result.ok).toBe(true);
    expect(document.querySelector('textarea')!.value).toBe('Thanks');
  });

  it('refuses read-only fields and empty text', async () => {
    document.body.innerHTML = '<textarea id="ro" readonly></textarea><textarea id="rw"></textarea>';
    expect((await insertText(document.querySelector<HTMLElement>('#ro')!, 'Hi')).ok).toBe(false);
    expect(await insertText(document.querySelector<HTMLElement>('#rw')!, ' \n ')).toEqual({ ok: false, reason: 'Nothing to insert.' });
  });

  it('says so when no input path changed a rich editor, so the caller falls back to the clipboard', async () => {
    document.body.innerHTML = '<div id="host" contenteditable="true"><p>Hello</p></div>';
    const host = document.querySelector<HTMLElement>('#host')!;
    const result = await insertText(host, 'Hi Maria', { settleMs: 0 });
    expect(result.ok).toBe(false);
    expect(host.textContent).toBe('Hello');
  });

  it('trusts an editor that handled the paste only once its text shows up, without inserting twice', async () => {
    document.body.innerHTML = '<div id="host" contenteditable="true"><p>Hello</p></div>';
    const host = document.querySelector<HTMLElement>('#host')!;
    let beforeInputs = 0;
    // A batched editor: claims the beforeinput event, renders on a later tick.
    host.addEventListener('beforeinput', (e) => {
      beforeInputs++;
      e.preventDefault();
      const data = (e as InputEvent).data ?? '';
      setTimeout(() => host.firstElementChild!.append(` ${data}`), 40);
    });
    const result = await insertText(host, 'Hi Maria');
    expect(result).toEqual({ ok: true, method: 'beforeinput' });
    expect(host.textContent).toBe('Hello Hi Maria');
    expect(beforeInputs).toBe(1);
  });
});
