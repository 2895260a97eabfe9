import { useEffect, useRef, useState } from 'preact/hooks';
import type { AutosaveState } from '../core/autosave';
import { decideRemoteNote, type NoteVersion } from '../core/notes-merge';
import type { TicketContext } from '../core/ticket';
import { onAppendToNotes } from './notes-bus';
import { autosaver, notesSync, rescuedText, setNoteMeta } from './notes-session';
import { notesRepo } from './repos';
import { t } from '../i18n';
import { saveStateText } from '../ui-words';

/** The ticket's notes: saved as the agent types, never lost, in step with other windows. */
export function NotesBox({ ticket }: { ticket: TicketContext }) {
  const key = ticket.key;
  const saver = autosaver();
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<AutosaveState>(saver.state);
  const shown = useRef<NoteVersion | null>(null);
  const textRef = useRef('');
  textRef.current = text;

  setNoteMeta(key, { url: ticket.url, subject: ticket.subject, desk: ticket.desk });

  const type = (next: string) => {
    setText(next);
    saver.input(next, key);
  };

  useEffect(() => {
    let alive = true;
    setLoaded(false);
    void saver.switchTo(key);
    (async () => {
      const pending = saver.pendingText(key);
      const [stored, rescued] = await Promise.all([notesRepo().then((r) => r.get(key)), rescuedText(key)]);
      if (!alive) return;
      shown.current = stored ? { updatedAt: stored.updatedAt, rev: stored.rev, origin: stored.origin } : null;
      if (pending !== undefined) setText(pending);
      else if (rescued && (!stored || rescued.at > stored.updatedAt)) type(rescued.text);
      else setText(stored?.text ?? '');
      setLoaded(true);
    })().catch(() => alive && setLoaded(true));
    const offState = saver.subscribe((s) => {
      if (s.key !== key) return;
      setState(s);
      if (s.status === 'superseded' && s.newer) {
        shown.current = s.newer;
        setText(s.newer.text);
      }
    });
    const offRemote = notesSync().onNote((remote) => {
      if (decideRemoteNote(remote, { key, shown: shown.current, unsavedEditAt: saver.unsavedEditAt(key), now: Date.now() }) !== 'apply') return;
      shown.current = remote;
      setText(remote.text);
    });
    const offAppend = onAppendToNotes((line) => type(textRef.current ? `${textRef.current.replace(/\n*$/, '')}\n${line}` : line));
    return () => {
      alive = false;
      offState();
      offRemote();
      offAppend();
      void saver.flush();
    };
  }, [key]);

  const status = saveStateText(state);
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notesTitle')}</h2>
      <textarea
        aria-label={t('notesTitle')}
        placeholder={t('notesPlaceholder')}
        value={text}
        disabled={!loaded}
        onInput={(e) => type((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={() => void saver.flush()}
      />
      <p role="status" class={`save-state${state.status === 'failed' ? ' error' : ''}`}>{status}</p>
      {state.status === 'superseded' && state.notStoredText && (
        <p class="notice">
          {t('notesReplaced')}{' '}
          <button type="button" class="link" onClick={() => type(state.notStoredText!)}>{t('notesPutBack')}</button>
        </p>
      )}
    </section>
  );
}
