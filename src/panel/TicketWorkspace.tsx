import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WindowTicket } from '../core/follow';
import { currentStep, shouldNudge } from '../core/nudge';
import { fillPlaceholders, type AskField, type PlaceholderValues } from '../core/placeholders';
import { unmetConditionParts, type ConditionContext, type ConditionPart } from '../core/phrase-conditions';
import { prefillAnswers } from '../core/prefill';
import type { TicketContext } from '../core/ticket';
import type { TicketFacts } from '../core/ticket-facts';
import { sendToTab } from '../messaging';
import { AskPrompt } from './AskPrompt';
import { t } from '../i18n';
import { askLabel, assumesText } from '../ui-words';
// By path, not through the coaching index: that index would pull the lazily loaded parts in too.
import { CuesBar } from './coaching/CuesBar';
import { StoryButton } from './coaching/StoryButton';
import { useCuesAndFacts } from './coaching/use-cues';
import { lazyPart } from './lazy-part';
import { cuePhrasePlan, orderByTags, specificFirst } from './coaching/cue-phrases';
import { Checklist } from './Checklist';
import { deliverText, describeDelivery } from './insert-into-desk';
import { PhraseLanguageSwitch } from './PhraseLanguageSwitch';
import { PhraseList, type PhraseView } from './PhraseList';
import { PromptSlot, type PromptSlotProps } from './PromptSlot';
import { SectionBoundary } from './SectionBoundary';
import { usePhraseSet, type PanelPhrase } from './use-phrase-set';
import { useProgress } from './use-progress';
import { useSettings } from './use-settings';
import { useFocusSearch } from './use-focus-search';
import { useTextLanguage } from './use-text-language';
import { recordUse, useUsage } from './use-usage';

const DraftTips = lazyPart(() => import('./coaching/DraftTips').then((m) => m.DraftTips));
const FollowUpControls = lazyPart(() => import('./coaching/FollowUpControls').then((m) => m.FollowUpControls));
// Below the glance area, with the notes database code it brings: it loads after the first paint.
const notesBox = () => import('./NotesBox');
const NotesBox = lazyPart(() => notesBox().then((m) => m.NotesBox));
// The key facts add lines to the notes box, so they arrive with it, never before it can take a line.
const KeyFacts = lazyPart(() => notesBox().then(() => CuesBar));

interface Props {
  shown: WindowTicket;
  ticket: TicketContext;
  windowId: number;
  raisedSteps?: readonly string[];
  /** The ticket line, shown first in the glance area. */
  children?: preact.ComponentChildren;
  /** What follows the ticket's own sections (the follow-ups across tickets). */
  after?: preact.ComponentChildren;
}

const EMPATHY_STEPS = ['empathize', 'listen', 'apologize', 'empower'];
export const FIRST_RENDER_MARK = 'person-first:first-render';
export const TICKET_SHOWN_MARK = 'person-first:ticket-shown';
/** Phrases for the agent's own ears (the Reset step): shown, never inserted. */
const isSelfTalk = (p: { tags?: string[] }) => !!p.tags?.includes('self');
/** Chat and messaging read alike (short lines); email and phone are their own registers. */
const family = (c: string) => (c === 'messaging' ? 'chat' : c);
const fitsChannel = (p: { channels?: string[] }, channel: string | undefined) =>
  !channel || !p.channels?.length || p.channels.some((c) => family(c) === family(channel));

function valuesFor(ticket: TicketContext, facts: TicketFacts, agentName: string, locale: string): PlaceholderValues {
  return {
    locale,
    customer: ticket.customer,
    agent: { name: agentName || undefined },
    // The number the customer sees in the desk's emails, where the desk has its own.
    ticket: { id: ticket.number ?? ticket.ticketId, subject: ticket.subject, contacts: facts.contacts.count },
  };
}

/** What decides which phrases hold, as one string: the memo below re-evaluates only when it changes. */
function conditionsKey({ facts, cues }: ConditionContext): string {
  return JSON.stringify([facts.contacts.count, facts.wait.waited, facts.firstReply, facts.channel, facts.found.map((f) => f.kind), facts.words, cues]);
}

/** Everything the panel offers for one ticket: checklist, phrases, insertion and the nudge. */
export function TicketWorkspace({ shown, ticket, windowId, raisedSteps = [], children, after }: Props) {
  const settings = useSettings();
  const progress = useProgress(ticket.key);
  // Phrases in the customer's language when their latest message says it clearly, unless the agent
  // switched this ticket; the phrases wait the moment it takes to detect, rather than flash English.
  const customerLanguage = useTextLanguage(ticket.lastCustomerMessage);
  const set = usePhraseSet(customerLanguage.settled ? { customer: customerLanguage.language, agent: navigator.language, chosen: progress.phraseLocale } : null);
  const usage = useUsage();
  const [selected, setSelected] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<{ phrase: PanelPhrase; fields: AskField[] } | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [nudgeOpen, setNudgeOpen] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  useFocusSearch(windowId, () => search.current?.focus());
  // Leaving the fill-in prompt hands the caret back to the search box it replaced, not to nowhere.
  const [focusSearch, setFocusSearch] = useState(0);
  useEffect(() => {
    if (focusSearch) search.current?.focus();
  }, [focusSearch]);

  // Coaching: what the customer's message shows raises steps and reorders their phrases.
  const { cues, facts, unread } = useCuesAndFacts(ticket, { waitingSeconds: settings.waitingSeconds, rules: set.cueRules, messageLanguage: customerLanguage.language });
  const frustrated = cues.some((c) => c.kind === 'frustration');
  // The waiting cue comes and goes by the second: it lives in the prompt slot, which keeps its height.
  const cuesAbove = useMemo(() => cues.filter((c) => c.kind !== 'waiting'), [cues]);
  const raisedKey = [...new Set([...raisedSteps, ...cues.flatMap((c) => c.raise)])].join(' ');
  const raised = useMemo(() => (raisedKey ? raisedKey.split(' ') : []), [raisedKey]);
  const plan = cuePhrasePlan(cues, facts);
  const planKey = `${plan.waitingFirst}:${plan.preferTags.join(',')}`;

  // What each conditional phrase assumes that this ticket does not show. Those are never suggested,
  // only found by search, marked with it.
  const context: ConditionContext = { facts, cues: cues.map((c) => c.kind) };
  const condKey = conditionsKey(context);
  const unmet = useMemo(() => {
    const byKey = new Map<string, ConditionPart[]>();
    for (const p of set.byKey.values()) {
      const missing = unmetConditionParts(p.when, context);
      if (missing.length) byKey.set(p.key, missing);
    }
    return { byKey, keys: new Set(byKey.keys()) };
    // context is described by condKey; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [set, condKey]);
  const suggestable = (p: PanelPhrase) => !unmet.keys.has(p.key) && fitsChannel(p, ticket.channel);

  // With the reset card off (the default), a new ticket starts at Greet; Reset stays tickable.
  const order = set.steps.map((s) => s.id).filter((id) => settings.resetCard || id !== 'reset');
  const raisedOpen = raised.find((s) => !progress.done.includes(s));
  const step = selected ?? raisedOpen ?? currentStep(order, progress.done);
  // Reset lines are for the agent alone; while on Reset, the list already offers greetings.
  const phraseStep = step === 'reset' ? 'greet' : step;
  const stepTitle = (id: string) => set.steps.find((s) => s.id === id)?.title ?? id;
  const values = valuesFor(ticket, facts, settings.agentName, set.language.locale);

  const results = useMemo(() => {
    const found = set.search(query, { step: phraseStep as never, channel: ticket.channel, usage, limit: query ? 30 : 40, unmet: unmet.keys })
      .filter((p) => !isSelfTalk(p) && (query !== '' || suggestable(p)));
    // A search keeps its relevance order (lines true of the ticket first); the step's own list follows the moment.
    if (query) return found.slice(0, 30);
    // Only the step's own phrases are reordered; phrases from other steps stay after them. The
    // thanks-for-waiting line is offered in the prompt slot, not pinned here: pinning it would
    // push every phrase down while the agent reads.
    const own = found.filter((p) => p.step === phraseStep);
    return [...orderByTags(specificFirst(own), plan.preferTags), ...found.filter((p) => p.step !== phraseStep)].slice(0, 8);
    // plan is described by planKey, the conditions by unmet; the objects themselves are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [set, query, phraseStep, ticket.channel, usage, planKey, unmet]);
  // One reset line per ticket, picked from the ticket key so it does not flicker between renders.
  const resetLines = set.selfTalk;
  const resetLine = resetLines.length ? resetLines[[...ticket.key].reduce((n, c) => n + c.charCodeAt(0), 0) % resetLines.length]!.text : undefined;
  const showReset = settings.resetCard && progress.loaded && !query && step === 'reset' && !progress.done.includes('reset') && !!resetLine;
  const views: PhraseView[] = results.map((p) => {
    const filled = fillPlaceholders(p.text, values);
    return { id: p.key, step: p.step, stepTitle: stepTitle(p.step), preview: filled.text, needsInput: filled.missing.length > 0, assumes: assumesText(unmet.byKey.get(p.key) ?? []) };
  });

  // Performance marks (not logs): the bench reads the panel's first useful render from them.
  useEffect(() => {
    if (!performance.getEntriesByName(TICKET_SHOWN_MARK).length) performance.mark(TICKET_SHOWN_MARK);
  }, []);
  useEffect(() => {
    if (views.length && !performance.getEntriesByName(FIRST_RENDER_MARK).length) performance.mark(FIRST_RENDER_MARK);
  }, [views.length]);

  // The nudge closes by itself once a person step is done.
  useEffect(() => {
    if (nudgeOpen && progress.done.some((s) => EMPATHY_STEPS.includes(s))) setNudgeOpen(false);
  }, [progress.done, nudgeOpen]);

  const afterAction = (action: { kind: 'tick' | 'insert'; step: string }) => {
    if (shouldNudge(action, { done: progress.done, nudgeDismissed: progress.nudgeDismissed })) setNudgeOpen(true);
  };

  const insertFilled = async (phrase: PanelPhrase, text: string) => {
    const result = await deliverText(shown.tabId, text);
    // Counted and ticked before the panel says so: both are committed by the time the agent reads it.
    if (result.kind !== 'failed') {
      void recordUse(phrase.key).catch(() => undefined);
      if (!progress.done.includes(phrase.step)) void progress.setDone(phrase.step, true);
    }
    setNotice({ text: describeDelivery(result), error: result.kind === 'failed' });
    if (result.kind !== 'failed') {
      setQuery('');
      afterAction({ kind: 'insert', step: phrase.step });
    }
  };

  const choose = (key: string) => {
    const phrase = set.byKey.get(key);
    if (!phrase) return;
    const filled = fillPlaceholders(phrase.text, values);
    if (filled.missing.length) setAsking({ phrase, fields: filled.missing.map((f) => ({ ...f, label: askLabel(f) })) });
    else void insertFilled(phrase, filled.text);
  };

  // The nudge offers the line the Empathize list would lead with: true of this ticket, in its channel.
  const empathyPhrase = orderByTags(
    specificFirst(set.search('', { step: 'empathize', channel: ticket.channel, usage, limit: 40, unmet: unmet.keys }).filter((p) => p.step === 'empathize' && suggestable(p))),
    plan.preferTags,
  )[0];
  const atSummary = step === 'summarize' || step === 'follow-through';
  const checkInPhrases = atSummary
    ? set.search('', { step: 'follow-through', channel: ticket.channel, limit: 40 })
      .filter((p) => p.tags?.includes('check-in') && suggestable(p))
      .map((p) => fillPlaceholders(p.text, values))
      .filter((f) => !f.missing.length)
      .slice(0, 2)
      .map((f) => f.text)
    : [];

  const waitingCue = cues.find((c) => c.kind === 'waiting');
  const waitingLine = useMemo(
    () => (plan.waitingFirst ? set.search('', { step: 'greet', channel: ticket.channel, usage, limit: 40, unmet: unmet.keys }).find((p) => p.tags?.includes('waiting') && suggestable(p)) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [set, ticket.channel, usage, plan.waitingFirst, unmet],
  );

  const line = (p: PanelPhrase | undefined) => (p ? { label: fillPlaceholders(p.text, values).text, onInsert: () => choose(p.key) } : undefined);
  const prompts: PromptSlotProps = {
    nudge: nudgeOpen
      ? {
          firstName: ticket.customer?.firstName,
          phrase: line(empathyPhrase),
          onDismiss: () => {
            setNudgeOpen(false);
            void progress.dismissNudge();
          },
        }
      : null,
    waiting: waitingCue ? { cue: waitingCue, ticket, phrase: line(waitingLine) } : null,
    reset: showReset ? { line: resetLine!, onDone: () => void progress.setDone('reset', true) } : null,
    guide: {
      title: stepTitle(step ?? ''),
      hint: set.steps.find((s) => s.id === step)?.hint,
      done: set.steps.filter((s) => progress.done.includes(s.id)).length,
      total: set.steps.length,
    },
  };

  return (
    <>
      <div class="glance">
        {children}
        <SectionBoundary name={t('sectionCues')}>
          <CuesBar cues={cuesAbove} ticket={ticket} facts={facts} part="cues" unread={unread} rulesLocale={set.cueRules.locale} />
        </SectionBoundary>
        <SectionBoundary name={t('sectionChecklist')} resetKey={set}>
        <Checklist
          steps={set.steps}
          done={progress.done}
          selected={step}
          raised={raised}
          onSelect={(id) => {
            setSelected(id);
            setQuery('');
          }}
          onToggle={(id, checked) => {
            void progress.setDone(id, checked);
            if (checked) afterAction({ kind: 'tick', step: id });
          }}
        />
        </SectionBoundary>
        {set.steps.length > 0 && <PromptSlot {...prompts} />}
        {set.problems.length > 0 && <p class="notice error" role="alert">{set.problems.join(' ')}</p>}
        {progress.error && <p class="notice error" role="alert">{progress.error}</p>}
        <SectionBoundary name={t('sectionPhrases')} resetKey={set}>
        {asking ? (
          <AskPrompt
            fields={asking.fields}
            phrase={(answers) => fillPlaceholders(asking.phrase.text, values, answers).text}
            initial={prefillAnswers(asking.fields, facts)}
            onCancel={() => {
              setAsking(null);
              setFocusSearch((n) => n + 1);
            }}
            onSubmit={(answers) => {
              const { phrase } = asking;
              setAsking(null);
              void insertFilled(phrase, fillPlaceholders(phrase.text, values, answers).text);
            }}
          />
        ) : (
          <PhraseList
            searchRef={search}
            query={query}
            heading={query ? t('phrasesMatching') : t('phrasesForStep', stepTitle(phraseStep ?? ''))}
            phrases={views}
            lang={set.language.locale}
            toolbar={<PhraseLanguageSwitch choice={set.language} onChoose={(locale) => void progress.setPhraseLocale(locale)} />}
            onQuery={setQuery}
            onInsert={(p) => choose(p.id)}
            onEscape={() => void sendToTab(shown.tabId, { type: 'editor/focus' }).catch(() => undefined)}
          />
        )}
        </SectionBoundary>
        <p class={`insert-status${notice?.error ? ' error' : ''}`} role="status">{notice?.text ?? ''}</p>
      </div>
      <SectionBoundary name={t('sectionDraftTips')}>
        <DraftTips ticket={ticket} tabId={shown.tabId} frustrated={frustrated} disabledTips={settings.disabledTips} />
      </SectionBoundary>
      <div class="below">
        <SectionBoundary name={t('sectionKeyFacts')}>
          <KeyFacts cues={cues} ticket={ticket} facts={facts} part="notes" />
        </SectionBoundary>
        {atSummary && (
          <FollowUpControls
            ticket={ticket}
            offerCheckIn={settings.checkInAfterSolve && (progress.done.includes('solve') || step === 'follow-through')}
            checkInPhrases={checkInPhrases}
          />
        )}
        <SectionBoundary name={t('notesTitle')}>
          <NotesBox ticket={ticket} />
        </SectionBoundary>
        <StoryButton ticket={ticket} label={t('storyMarkTicket')} />
        {after}
      </div>
    </>
  );
}
