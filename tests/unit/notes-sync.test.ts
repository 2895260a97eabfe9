import { describe, expect, it } from 'vitest';
import { decideRemoteNote } from '../../src/core/notes-merge';
import { openPersonFirstDb } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';
import { isNoteBroadcast, NOTES_CHANNEL, NotesSync, saveAndBroadcast, type NoteBroadcast } from '../../src/storage/notes-sync';

const KEY = 'zendesk:acme.zendesk.com:42';
const nextMessage = (sync: NotesSync) => new Promise<NoteBroadcast>((resolve) => sync.onNote(resolve));

describe('notes sync between panels', () => {
  it('delivers a stored note to the other panel over a real BroadcastChannel', async () => {
    const panelA = new NotesSync(new BroadcastChannel(NOTES_CHANNEL));
    const panelB = new NotesSync(new BroadcastChannel(NOTES_CHANNEL));
    const db = await openPersonFirstDb(`sync-${Math.random()}`);
    const save = saveAndBroadcast(createNotesRepo(db), panelA, 'A', () => ({ subject: 'Refund' }));
    const received = nextMessage(panelB);
    const outcome = await save(KEY, 'hello from A', 1000);
    expect(outcome.stored).toBe(true);
    expect(await received).toEqual({ key: KEY, text: 'hello from A', updatedAt: 1000, rev: 1, origin: 'A' });
    panelA.close();
    panelB.close();
    db.close();
  });

  it('does not broadcast an older edit that was not stored', async () => {
    const posted: unknown[] = [];
    const sync = { publish: (n: NoteBroadcast) => void posted.push(n) };
    const db = await openPersonFirstDb(`sync-${Math.random()}`);
    const repo = createNotesRepo(db);
    await repo.saveText(KEY, 'newer from B', 2000, 'B');
    const outcome = await saveAndBroadcast(repo, sync, 'A')(KEY, 'older from A', 1000);
    expect(outcome).toMatchObject({ stored: false, note: { text: 'newer from B' } });
    expect(posted).toEqual([]);
    db.close();
  });

  it('ignores malformed messages on the channel', async () => {
    const sender = new BroadcastChannel(NOTES_CHANNEL);
    const panel = new NotesSync(new BroadcastChannel(NOTES_CHANNEL));
    const got: NoteBroadcast[] = [];
    panel.onNote((n) => got.push(n));
    const valid = nextMessage(panel);
    sender.postMessage({ key: KEY, text: 5 });
    sender.postMessage('<script>');
    sender.postMessage({ key: KEY, text: 'ok', updatedAt: 1, rev: 1, origin: 'X' });
    await valid;
    expect(got.map((n) => n.text)).toEqual(['ok']);
    expect(isNoteBroadcast({ key: KEY, text: 'x', updatedAt: Number.NaN, rev: 1, origin: 'o' })).toBe(false);
    sender.close();
    panel.close();
  });

  it('two panels typing on one ticket converge on the newer text', async () => {
    // Panel state as the notes box keeps it: what is shown and which stored version it is.
    const db = await openPersonFirstDb(`sync-${Math.random()}`);
    const repo = createNotesRepo(db);
    const chA = new BroadcastChannel(NOTES_CHANNEL);
    const chB = new BroadcastChannel(NOTES_CHANNEL);
    const syncA = new NotesSync(chA);
    const syncB = new NotesSync(chB);
    const boxB = { text: '', shown: null as NoteBroadcast | null, unsavedEditAt: null as number | null };
    const applied = new Promise<void>((resolve) =>
      syncB.onNote((n) => {
        if (decideRemoteNote(n, { key: KEY, shown: boxB.shown, unsavedEditAt: boxB.unsavedEditAt }) === 'apply') {
          boxB.text = n.text;
          boxB.shown = n;
          resolve();
        }
      }),
    );
    await saveAndBroadcast(repo, syncA, 'A')(KEY, 'A typed this', 1000);
    await applied;
    expect(boxB.text).toBe('A typed this');

    // B now types newer text but has not saved it yet; A's older late save must not replace it.
    boxB.text = 'B typed this later';
    boxB.unsavedEditAt = 3000;
    expect(decideRemoteNote({ key: KEY, text: 'A late', updatedAt: 2000, rev: 2, origin: 'A' }, { key: KEY, shown: boxB.shown, unsavedEditAt: boxB.unsavedEditAt })).toBe('local-edit-newer');
    const stored = await repo.saveText(KEY, boxB.text, 3000, 'B');
    expect(stored.stored).toBe(true);
    expect((await repo.saveText(KEY, 'A late', 2000, 'A')).stored).toBe(false);
    expect((await repo.get(KEY))?.text).toBe('B typed this later');
    syncA.close();
    syncB.close();
    db.close();
  });
});
