import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeSaveError, describeSaveState, NoteAutosaver, type AutosaveState, type SaveOutcome } from '../../src/core/autosave';
import { openPersonFirstDb } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';
import { saveAndBroadcast } from '../../src/storage/notes-sync';

/** A save whose completion the test controls, recording what was stored under which key. */
function controllableStore() {
  const stored = new Map<string, { text: string; at: number }>();
  const calls: { key: string; text: string; at: number; settle: (err?: unknown) => void }[] = [];
  let auto = true;
  let failWith: unknown = null;
  const save = (key: string, text: string, at: number) =>
    new Promise<SaveOutcome | void>((resolve, reject) => {
      const settle = (err?: unknown) => {
        if (err) return reject(err);
        stored.set(key, { text, at });
        resolve();
      };
      calls.push({ key, text, at, settle });
      if (failWith) reject(failWith);
      else if (auto) settle();
    });
  return {
    stored,
    calls,
    save,
    manual() {
      auto = false;
    },
    fail(err: unknown) {
      failWith = err;
    },
    heal() {
      failWith = null;
    },
  };
}

function quota(): Error {
  const err = new Error('The quota has been exceeded.');
  err.name = 'QuotaExceededError';
  return err;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(1_700_000_000_000);
});
afterEach(() => vi.useRealTimers());

describe('NoteAutosaver debounce and flush', () => {
  it('saves once, 300 ms after the last keystroke, with the keystroke time', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:1', { save: store.save });
    saver.input('H');
    await vi.advanceTimersByTimeAsync(100);
    saver.input('He');
    await vi.advanceTimersByTimeAsync(100);
    const lastKeystroke = Date.now();
    saver.input('Hey');
    await vi.advanceTimersByTimeAsync(299);
    expect(store.calls).toHaveLength(0);
    expect(saver.state.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls.map((c) => c.text)).toEqual(['Hey']);
    expect(store.stored.get('t:a:1')).toEqual({ text: 'Hey', at: lastKeystroke });
    expect(saver.state).toMatchObject({ status: 'saved', key: 't:a:1' });
    expect(describeSaveState(saver.state)).toBe('Saved');
  });

  it('still saves every 2 s while the agent keeps typing without a pause', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:1', { save: store.save });
    for (let i = 1; i <= 25; i++) {
      saver.input('x'.repeat(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(store.calls.length).toBeGreaterThanOrEqual(1);
    expect(store.calls[0]!.text.length).toBeLessThan(25);
  });

  it('flush saves at once: closing the panel 50 ms after the last keystroke keeps it', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:1', { save: store.save });
    saver.input('promised a call back');
    await vi.advanceTimersByTimeAsync(50);
    expect(await saver.flush()).toBe(true);
    expect(store.stored.get('t:a:1')?.text).toBe('promised a call back');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.calls).toHaveLength(1);
  });

  it('flush with nothing typed stores nothing', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:1', { save: store.save });
    expect(await saver.flush()).toBe(true);
    expect(store.calls).toHaveLength(0);
    expect(saver.state.status).toBe('idle');
  });

  it('saves keystrokes typed during a slow save afterwards, in order', async () => {
    const store = controllableStore();
    store.manual();
    const saver = new NoteAutosaver('t:a:1', { save: store.save });
    saver.input('one');
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state.status).toBe('saving');
    saver.input('one two');
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.calls).toHaveLength(1); // one save at a time
    store.calls[0]!.settle();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    store.calls[1]!.settle();
    await second;
    expect(store.calls.map((c) => c.text)).toEqual(['one', 'one two']);
    expect(store.stored.get('t:a:1')?.text).toBe('one two');
    expect(saver.state.status).toBe('saved');
  });
});

describe('NoteAutosaver and ticket switching', () => {
  it('saves text typed for A under A however fast the switch to B comes', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', { save: store.save });
    saver.input('customer wants a refund');
    const switched = saver.switchTo('t:a:B'); // no pause at all
    saver.input('B: new laptop');
    await switched;
    await vi.advanceTimersByTimeAsync(300);
    expect(store.stored.get('t:a:A')?.text).toBe('customer wants a refund');
    expect(store.stored.get('t:a:B')?.text).toBe('B: new laptop');
    expect(store.calls.every((c) => (c.key === 't:a:A') === c.text.startsWith('customer'))).toBe(true);
  });

  it('files a late input event from the old box under the old ticket', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', { save: store.save });
    saver.input('A text');
    void saver.switchTo('t:a:B');
    saver.input('A text, one more word', 't:a:A'); // the old box's last input event arrives late
    await vi.advanceTimersByTimeAsync(300);
    expect(store.stored.get('t:a:A')?.text).toBe('A text, one more word');
    expect(store.stored.has('t:a:B')).toBe(false);
  });

  it('keeps A and B apart when switching back and forth while A is still saving', async () => {
    const store = controllableStore();
    store.manual();
    const saver = new NoteAutosaver('t:a:A', { save: store.save });
    saver.input('A1');
    void saver.switchTo('t:a:B');
    saver.input('B1');
    void saver.switchTo('t:a:A');
    saver.input('A1 A2');
    void saver.switchTo('t:a:B');
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(300);
      for (const c of store.calls) c.settle();
    }
    expect(store.stored.get('t:a:A')?.text).toBe('A1 A2');
    expect(store.stored.get('t:a:B')?.text).toBe('B1');
    for (const c of store.calls) expect(c.text.startsWith(c.key === 't:a:A' ? 'A' : 'B')).toBe(true);
  });

  it('reports state for the ticket it is bound to', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', { save: store.save });
    const states: AutosaveState[] = [];
    saver.subscribe((s) => states.push(s));
    saver.input('x');
    await saver.switchTo('t:a:B');
    expect(saver.state).toMatchObject({ key: 't:a:B', status: 'idle' });
    expect(states.some((s) => s.key === 't:a:A' && s.status === 'pending')).toBe(true);
  });
});

describe('NoteAutosaver when saving fails', () => {
  it('keeps the text, says why, rescues it, and retries on the next keystroke', async () => {
    const store = controllableStore();
    const rescued = new Map<string, string>();
    const cleared: string[] = [];
    const saver = new NoteAutosaver('t:a:A', {
      save: store.save,
      rescue: (key, text) => void rescued.set(key, text),
      clearRescue: (key) => void cleared.push(key),
    });
    store.fail(quota());
    saver.input('do not lose me');
    expect(await saver.flush()).toBe(false);
    expect(saver.state.status).toBe('failed');
    expect(describeSaveState(saver.state)).toMatch(/^Not saved: the browser has no room left/);
    expect(saver.pendingText('t:a:A')).toBe('do not lose me');
    expect(rescued.get('t:a:A')).toBe('do not lose me');

    store.heal();
    saver.input('do not lose me, please');
    expect(saver.state.status).toBe('failed'); // still not stored until the retry succeeds
    await vi.advanceTimersByTimeAsync(300);
    expect(store.stored.get('t:a:A')?.text).toBe('do not lose me, please');
    expect(saver.state.status).toBe('saved');
    expect(saver.pendingText('t:a:A')).toBeUndefined();
    expect(cleared).toEqual(['t:a:A']);
  });

  it('keeps failed text of a ticket switched away from, and stores it on a later flush', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', { save: store.save });
    store.fail(new DOMException('Database closed', 'InvalidStateError'));
    saver.input('A note');
    expect(await saver.switchTo('t:a:B')).toBe(false);
    expect(saver.state).toMatchObject({ key: 't:a:B', unsavedElsewhere: ['t:a:A'] });
    expect(describeSaveState(saver.state)).toMatch(/^Not saved: a note for another ticket/);
    store.heal();
    expect(await saver.flush()).toBe(true);
    expect(store.stored.get('t:a:A')?.text).toBe('A note');
    expect(saver.state.unsavedElsewhere).toEqual([]);
  });

  it('does not retry on every keystroke while failing, but after the pause', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', { save: store.save, rescue: () => undefined });
    store.fail(new Error('disk I/O error'));
    saver.input('a');
    await saver.flush();
    const before = store.calls.length;
    for (let i = 0; i < 5; i++) {
      saver.input('a'.repeat(i + 2));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(store.calls.length).toBe(before);
    await vi.advanceTimersByTimeAsync(300);
    expect(store.calls.length).toBe(before + 1);
    expect(describeSaveState(saver.state)).toMatch(/disk I\/O error/);
  });

  it('still keeps the text when the rescue store itself throws', async () => {
    const store = controllableStore();
    const saver = new NoteAutosaver('t:a:A', {
      save: store.save,
      rescue: () => {
        throw new Error('session storage gone');
      },
    });
    store.fail(quota());
    saver.input('kept');
    expect(await saver.flush()).toBe(false);
    expect(saver.pendingText('t:a:A')).toBe('kept');
  });

  it('flushOnExit hands unsaved text to rescue before the page may die', async () => {
    const store = controllableStore();
    store.manual();
    const rescued: string[] = [];
    const saver = new NoteAutosaver('t:a:A', { save: store.save, rescue: (_k, text) => void rescued.push(text) });
    saver.input('last words');
    void saver.flushOnExit();
    expect(rescued).toEqual(['last words']);
  });

  it('names the failure in words an agent understands', () => {
    expect(describeSaveError(quota())).toMatch(/no room left/);
    const aborted = new DOMException('aborted', 'AbortError');
    expect(describeSaveError(Object.assign(new Error('tx failed', { cause: quota() }), { name: 'AbortError' }))).toMatch(/no room left/);
    expect(describeSaveError(aborted)).toMatch(/refused the write \(aborted\)/);
  });
});

describe('NoteAutosaver with another panel writing the same ticket', () => {
  it('reports a newer note kept elsewhere instead of claiming it saved', async () => {
    const newer = { text: 'typed in window B later', updatedAt: Date.now() + 10_000, rev: 5, origin: 'B' };
    const saver = new NoteAutosaver('t:a:A', { save: async () => ({ stored: false, note: newer }) });
    saver.input('older text from A');
    await saver.flush();
    expect(saver.state).toMatchObject({ status: 'superseded', newer, notStoredText: 'older text from A' });
  });
});

describe('NoteAutosaver with the real notes store', () => {
  it('stores each ticket its own text through the repository', async () => {
    const db = await openPersonFirstDb(`autosave-${Math.random()}`);
    const repo = createNotesRepo(db);
    const saver = new NoteAutosaver('zendesk:acme.zendesk.com:1', { save: saveAndBroadcast(repo, null, 'panel-1') });
    saver.input('ticket one note');
    void saver.switchTo('zendesk:acme.zendesk.com:2');
    saver.input('ticket two note');
    await vi.advanceTimersByTimeAsync(300);
    await saver.flush();
    expect((await repo.get('zendesk:acme.zendesk.com:1'))?.text).toBe('ticket one note');
    expect((await repo.get('zendesk:acme.zendesk.com:2'))?.text).toBe('ticket two note');
    expect(saver.state.savedAt).toBe((await repo.get('zendesk:acme.zendesk.com:2'))?.updatedAt);
    db.close();
  });
});
