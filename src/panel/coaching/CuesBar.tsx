// What the customer's side of the conversation says right now: cues with their reasons, the key
// facts to copy into the notes, and a one-line "what they mean". Everything here only suggests.
import { useMemo, useState } from 'preact/hooks';
import type { Cue } from '../../core/cues';
import { extractKeyFacts } from '../../core/key-facts';
import { languageName } from '../../core/phrase-language';
import type { TicketContext } from '../../core/ticket';
import type { TicketFacts } from '../../core/ticket-facts';
import { appendToNotes } from '../notes-bus';
import { cueHint, cueLabel } from './cue-hints';
import { StoryButton } from './StoryButton';
import { t, uiLocale } from '../../i18n';
import { cueReasonText } from './cue-reasons';

interface Props {
  cues: Cue[];
  /** The customer's message is in a language the cue rules cannot read ("es"); `rulesLocale` is theirs. */
  unread?: string;
  rulesLocale?: string;
  ticket: TicketContext;
  /** The ticket's facts, so each hint gives the number the card and the phrases give. */
  facts?: TicketFacts;
  /** The panel shows the cues in its glance area and the note helpers further down. */
  part?: 'cues' | 'notes' | 'all';
}

export function CuesBar({ cues, ticket, facts: ticketFacts, part = 'all', unread, rulesLocale = 'en' }: Props) {
  const facts = useMemo(() => (part === 'cues' ? [] : extractKeyFacts(ticket.lastCustomerMessage, 6)), [ticket.lastCustomerMessage, part]);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [meaning, setMeaning] = useState('');
  const [meaningSaved, setMeaningSaved] = useState(false);
  const happy = cues.some((c) => c.kind === 'happy');

  const addFact = (text: string) => {
    appendToNotes(t('notesLineSaid', text));
    setAdded((prev) => new Set(prev).add(text));
  };

  const saveMeaning = () => {
    const line = meaning.trim();
    if (!line) return;
    appendToNotes(t('notesLineMean', line));
    setMeaning('');
    setMeaningSaved(true);
  };

  const showCues = part !== 'notes';
  const showNotes = part !== 'cues';
  // One quiet line instead of cues the rules would misread; cues that need no words still show.
  const notRead = showCues && unread ? t('cuesNotRead', languageName(rulesLocale, uiLocale()), languageName(unread, uiLocale())) : null;
  if (!showNotes && !cues.length && !notRead) return null;
  return (
    <section class={showNotes ? 'coaching-notes' : 'coaching-cues'} aria-label={showNotes && !showCues ? t('cuesWhatTheySaid') : t('sectionCues')}>
      {notRead && <p class="cues-not-read small muted">{notRead}</p>}
      {showCues && cues.length > 0 && (
        <ul class="cue-list" aria-label={t('cuesListLabel')}>
          {cues.map((cue) => (
            <li key={cue.kind} class={`cue cue-${cue.kind}`}>
              <span class="cue-chip">{cueLabel(cue.kind)}</span> <span class="cue-reason">{cueReasonText(cue)}</span>
              <span class="cue-hint">{cueHint(cue, ticket, ticketFacts)}</span>
            </li>
          ))}
        </ul>
      )}
      {showNotes && facts.length > 0 && (
        <div class="key-facts row" role="group" aria-label={t('sectionKeyFacts')}>
          {facts.map((f) => {
            const done = added.has(f.text);
            return (
              <button key={`${f.kind}:${f.value}`} type="button" class="fact" disabled={done} onClick={() => addFact(f.text)}>
                {done ? t('factAdded', f.text) : t('factAdd', f.text)}
              </button>
            );
          })}
        </div>
      )}
      {showNotes && <div class="field what-they-mean">
        <label for="what-they-mean">{t('meaningLabel')}</label>
        <input
          id="what-they-mean"
          aria-describedby="meaning-hint"
          type="text"
          maxLength={300}
          placeholder={t('meaningPlaceholder')}
          value={meaning}
          onInput={(e) => {
            setMeaning(e.currentTarget.value);
            setMeaningSaved(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.isComposing) {
              e.preventDefault();
              saveMeaning();
            }
          }}
        />
        <span id="meaning-hint" class="small muted">{t('meaningHint')}</span>
      </div>}
      {showNotes && meaningSaved && <p class="small muted" role="status">{t('meaningAdded')}</p>}
      {showNotes && happy && (
        <div class="story-prompt">
          <p class="small">{t('storyHappyPrompt')}</p>
          <StoryButton ticket={ticket} initialKind="good" />
        </div>
      )}
    </section>
  );
}
