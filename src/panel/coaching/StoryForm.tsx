// Marks a ticket as a story worth sharing with the team: good, bad or ugly, in a few lines.
import { useState } from 'preact/hooks';
import type { StoryKind } from '../../storage/db';
import { newStoryRecord, STORY_KINDS } from '../../storage/stories-repo';
import { t } from '../../i18n';
import { storyKindLabel } from '../../ui-words';
import { queueWrite } from '../../storage/write-queue';
import type { TicketContext } from '../../core/ticket';

const MAX_TEXT = 2000;

interface Props {
  ticket: TicketContext;
  initialKind?: StoryKind;
  onDone: (saved: boolean) => void;
}

export function StoryForm({ ticket, initialKind = 'good', onDone }: Props) {
  const [kind, setKind] = useState<StoryKind>(initialKind);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    const lines = text.trim();
    if (!lines) {
      setError(t('storyNeedsText'));
      return;
    }
    setSaving(true);
    try {
      const record = newStoryRecord({ key: ticket.key, url: ticket.url, subject: ticket.subject, kind, text: lines.slice(0, MAX_TEXT) });
      await queueWrite({ kind: 'story/add', record });
      onDone(true);
    } catch (err) {
      setError(t('storyNotSaved', (err as Error).message));
      setSaving(false);
    }
  };

  return (
    <form class="story-form" aria-label={t('storyShare')} onSubmit={(e) => void save(e)}>
      <fieldset class="row">
        <legend>{t('storyKind')}</legend>
        {STORY_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="story-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {storyKindLabel(k)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        {t('storyWhatHappened')}
        <textarea rows={3} maxLength={MAX_TEXT} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="row">
        <button type="submit" disabled={saving}>{t('storySave')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('commonCancel')}</button>
      </div>
    </form>
  );
}
