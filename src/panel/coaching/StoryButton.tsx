import { useState } from 'preact/hooks';
import type { TicketContext } from '../../core/ticket';
import type { StoryKind } from '../../storage/db';
import { StoryForm } from './StoryForm';
import { t } from '../../i18n';

interface Props {
  ticket: TicketContext;
  /** Open the form at once (the happy cue's prompt). */
  initiallyOpen?: boolean;
  initialKind?: StoryKind;
  label?: string;
}

/** "Share this story": the agent marks the ticket as a story for the team, local only. */
export function StoryButton({ ticket, initiallyOpen = false, initialKind, label }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [saved, setSaved] = useState(false);
  return (
    <div class="story">
      {open ? (
        <StoryForm
          ticket={ticket}
          initialKind={initialKind}
          onDone={(ok) => {
            setOpen(false);
            setSaved(ok);
          }}
        />
      ) : (
        <button type="button" class="link" onClick={() => { setOpen(true); setSaved(false); }}>{label ?? t('storyShare')}</button>
      )}
      {saved && <p class="notice" role="status">{t('storySaved')}</p>}
    </div>
  );
}
