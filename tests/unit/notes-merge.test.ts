import { describe, expect, it } from 'vitest';
import { compareNoteVersions, decideRemoteNote, isNewerNote, newerNote, versionForEdit } from '../../src/core/notes-merge';

const v = (updatedAt: number, rev: number, origin: string, text = `${origin}@${updatedAt}`) => ({ updatedAt, rev, origin, text });

describe('newer-wins note merging', () => {
  it('prefers the later edit, then the higher rev, then the larger origin', () => {
    expect(newerNote(v(200, 1, 'a'), v(100, 9, 'z')).text).toBe('a@200');
    expect(newerNote(v(100, 1, 'a'), v(200, 1, 'a')).text).toBe('a@200');
    expect(newerNote(v(100, 3, 'a'), v(100, 4, 'a')).rev).toBe(4);
    expect(newerNote(v(100, 4, 'panel-b'), v(100, 4, 'panel-a')).origin).toBe('panel-b');
    expect(newerNote(v(100, 4, 'panel-a'), v(100, 4, 'panel-b')).origin).toBe('panel-b');
  });

  it('reaches the same verdict whichever copy is looked at first', () => {
    const copies = [v(5, 1, 'x'), v(5, 2, 'a'), v(5, 2, 'b'), v(4, 9, 'z'), v(6, 0, 'a')];
    for (const a of copies) {
      for (const b of copies) {
        expect(newerNote(a, b).text).toBe(newerNote(b, a).text);
        expect(Math.sign(compareNoteVersions(a, b)) + Math.sign(compareNoteVersions(b, a))).toBe(0);
      }
    }
  });

  it('keeps whichever copy exists when the other is missing', () => {
    const only = v(1, 1, 'a');
    expect(newerNote(only, undefined)).toBe(only);
    expect(newerNote(null, only)).toBe(only);
    expect(newerNote(undefined, undefined)).toBeUndefined();
  });

  it('never counts an equal copy as newer, so it is not written twice', () => {
    expect(isNewerNote(v(10, 2, 'a'), v(10, 2, 'a'))).toBe(false);
    expect(isNewerNote(v(9, 5, 'a'), v(10, 2, 'a'))).toBe(false);
    expect(isNewerNote(v(10, 3, 'a'), v(10, 2, 'a'))).toBe(true);
    expect(isNewerNote(v(1, 0, 'a'), undefined)).toBe(true);
  });
});

describe('versionForEdit', () => {
  it('climbs the rev and takes the keystroke time', () => {
    expect(versionForEdit({ text: 'x', at: 500, origin: 'p1' }, v(400, 7, 'p2'))).toEqual({ updatedAt: 500, rev: 8, origin: 'p1' });
    expect(versionForEdit({ text: 'x', at: 500, origin: 'p1' }, undefined)).toEqual({ updatedAt: 500, rev: 1, origin: 'p1' });
  });

  it("lets a writer's own later save win even if the clock stepped back", () => {
    const stored = v(1000, 3, 'p1');
    const next = versionForEdit({ text: 'later', at: 900, origin: 'p1' }, stored);
    expect(next).toEqual({ updatedAt: 1000, rev: 4, origin: 'p1' });
    expect(isNewerNote(next, stored)).toBe(true);
  });

  it("does not let another writer's older edit win", () => {
    const stored = v(1000, 3, 'p2');
    expect(isNewerNote(versionForEdit({ text: 'old', at: 900, origin: 'p1' }, stored), stored)).toBe(false);
  });
});

describe('decideRemoteNote', () => {
  const remote = { key: 'zendesk:a:1', text: 'from B', updatedAt: 2000, rev: 4, origin: 'B' };

  it('applies a newer note for the ticket shown when nothing is being typed', () => {
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(1000, 3, 'A'), unsavedEditAt: null })).toBe('apply');
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: null, unsavedEditAt: null })).toBe('apply');
  });

  it('ignores other tickets and copies that are not newer (including its own echo)', () => {
    expect(decideRemoteNote(remote, { key: 'zendesk:a:2', shown: null, unsavedEditAt: null })).toBe('other-ticket');
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(2000, 4, 'B'), unsavedEditAt: null })).toBe('not-newer');
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(3000, 1, 'A'), unsavedEditAt: null })).toBe('not-newer');
  });

  it('keeps newer typing that is not saved yet, but yields to a newer remote edit', () => {
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(1000, 3, 'A'), unsavedEditAt: 2500 })).toBe('local-edit-newer');
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(1000, 3, 'A'), unsavedEditAt: 2000 })).toBe('local-edit-newer');
    expect(decideRemoteNote(remote, { key: 'zendesk:a:1', shown: v(1000, 3, 'A'), unsavedEditAt: 1500 })).toBe('apply');
  });
});

describe('notes dated in the future (F6)', () => {
  it('lets a local edit win over a stored copy dated after now, holding its time', () => {
    const stored = { updatedAt: 5_000, rev: 2, origin: 'import' };
    const v = versionForEdit({ text: 'mine', at: 1_000, origin: 'panel' }, stored, 1_000);
    expect(v).toEqual({ updatedAt: 5_000, rev: 3, origin: 'panel' });
    expect(isNewerNote(v, stored)).toBe(true);
    // A real edit from another window (not after now) still wins over an older keystroke.
    expect(isNewerNote(versionForEdit({ text: 'mine', at: 1_000, origin: 'panel' }, { updatedAt: 1_500, rev: 2, origin: 'B' }, 2_000), { updatedAt: 1_500, rev: 2, origin: 'B' })).toBe(false);
  });

  it('never replaces unsaved typing with a remote copy dated after now', () => {
    const remote = { key: 'k', text: 'future', updatedAt: 9_000, rev: 4, origin: 'B' };
    expect(decideRemoteNote(remote, { key: 'k', shown: null, unsavedEditAt: 1_000, now: 1_200 })).toBe('local-edit-newer');
    expect(decideRemoteNote({ ...remote, updatedAt: 1_100 }, { key: 'k', shown: null, unsavedEditAt: 1_000, now: 1_200 })).toBe('apply');
  });
});
