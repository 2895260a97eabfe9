import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WindowTicket } from '../core/follow';
import { currentStep, shouldNudge } from '../core/nudge';
import { fillPlaceholders, type AskField, type PlaceholderValues } from '../core/placeholders';
import { contactCount } from '../core/stated-contacts';
import type { TicketContext } from '../core/ticket';
import { sendToTab } from '../messaging';
import { AskPrompt } from './AskPrompt';
import { CuesBar, DraftTips, FollowUpControls, StoryButton, useCues } from './coaching';
import { cuePhrasePlan, orderByTags, withPinned } from './coaching/cue-phrases';
import { Checklist } from './Checklist';
import { deliverText, describeDelivery } from './insert-into-desk';
import { NotesBox } from './NotesBox';
import { Nudge } from './Nudge';
import { PhraseList, type PhraseView } from './PhraseList';
import { ResetCard } from './ResetCard';
import { usePhraseSet, type PanelPhrase } from './use-phrase-set';
import { useProgress } from './use-progress';
import { useSettings } from './use-settings';
import { useFocusSearch } from './use-focus-search';
import { recordUse, useUsage } from './use-usage';

interface Props {
  shown: WindowTicket;
  ticket: TicketContext;
  windowId: number;
  raisedSteps?: readonly string[];
  children?: preact.ComponentChildren;
}

const EMPATHY_STEPS = ['empathize', 'listen', 'apologize', 'empower'];
export const FIRST_RENDER_MARK = 'person-first:first-render';
/** Phrases for the agent's own ears (the Reset step): shown, never inserted. */
const isSelfTalk = (p: { tags?: string[] }) => !!p.tags?.includes('self');
/** Chat and messaging read alike (short lines); email and phone are their own registers. */
const family = (c: string) => (c === 'messaging' ? 'chat' : c);
const fitsChannel = (p: { channels?: string[] }, channel: string | undefined) =>
  !channel || !p.channels?.length || p.channels.some((c) => family(c) === family(channel));

function valuesFor(ticket: TicketContext, agentName: string): PlaceholderValues {
  return {
    customer: ticket.customer,
    agent: { name: agentName || undefined },
    // The number the customer sees in the desk's emails, where the desk has its own.
    ticket: { id: ticket.number ?? ticket.ticketId, subject: ticket.subject, contacts: contactCount(ticket) },
  };
}

/** Everything the panel offers for one ticket: checklist, phrases, insertion and the nudge. */
export function TicketWorkspace({ shown, ticket, windowId, raisedSteps = [], children }: Props) {
  const settings = useSettings();
  const set = usePhraseSet();
  const progress = useProgress(ticket.key);
  const usage = useUsage();
  const [selected, setSelected] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<{ phrase: PanelPhrase; fields: AskField[] } | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [nudgeOpen, setNudgeOpen] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  useFocusSearch(windowId, () => search.current?.focus());

  // Coaching: what the customer's message shows raises steps and reorders their phrases.
  const cues = useCues(ticket, { waitingSeconds: settings.waitingSeconds, rules: set.cueRules });
  const frustrated = cues.some((c) => c.kind === 'frustration');
  const raisedKey = [...new Set([...raisedSteps, ...cues.flatMap((c) => c.raise)])].join(' ');
  const raised = useMemo(() => (raisedKey ? raisedKey.split(' ') : []), [raisedKey]);
  const plan = cuePhrasePlan(cues, ticket);
  const planKey = `${plan.waitingFirst}:${plan.preferTags.join(',')}`;

  const order = set.steps.map((s) => s.id);
  const raisedOpen = raised.find((s) => !progress.done.includes(s));
  const step = selected ?? raisedOpen ?? currentStep(order, progress.done);
  // Reset lines are for the agent alone; while on Reset, the list already offers greetings.
  const phraseStep = step === 'reset' ? 'greet' : step;
  const stepTitle = (id: string) => set.steps.find((s) => s.id === id)?.title ?? id;
  const values = valuesFor(ticket, settings.agentName);

  const results = useMemo(() => {
    const found = set.search(query, { step: phraseStep as never, channel: ticket.channel, usage, limit: query ? 30 : 40 })
      .filter((p) => !isSelfTalk(p) && (query !== '' || fitsChannel(p, ticket.channel)));
    // A search keeps its relevance order; the step's own list follows the moment.
    if (query) return found.slice(0, 30);
    const waitingLine = plan.waitingFirst
      ? set.search('', { step: 'greet', channel: ticket.channel, usage, limit: 40 }).find((p) => p.tags?.includes('waiting') && fitsChannel(p, ticket.channel))
      : undefined;
    // Only the step's own phrases are reordered; phrases from other steps stay after them.
    const own = found.filter((p) => p.step === phraseStep);
    const ordered = [...orderByTags(own, plan.preferTags), ...found.filter((p) => p.step !== phraseStep)];
    return withPinned(ordered, waitingLine, (a, b) => a.key === b.key).slice(0, 8);
    // plan is described by planKey; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [set, query, phraseStep, ticket.channel, usage, planKey]);
  // One reset line per ticket, picked from the ticket key so it does not flicker between renders.
  const resetLines = useMemo(() => set.search('', { step: 'reset', limit: 50 }).filter(isSelfTalk), [set]);
  const resetLine = resetLines.length ? resetLines[[...ticket.key].reduce((n, c) => n + c.charCodeAt(0), 0) % resetLines.length]!.text : undefined;
  const showReset = progress.loaded && !query && step === 'reset' && !progress.done.includes('reset') && !!resetLine;
  const views: PhraseView[] = results.map((p) => {
    const filled = fillPlaceholders(p.text, values);
    return { id: p.key, step: p.step, stepTitle: stepTitle(p.step), preview: filled.text, needsInput: filled.missing.length > 0 };
  });

  // A performance mark (not a log): the bench reads the panel's first useful render from it.
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
    setNotice({ text: describeDelivery(result), error: result.kind === 'failed' });
    if (result.kind !== 'failed') {
      void recordUse(phrase.key);
      if (!progress.done.includes(phrase.step)) void progress.setDone(phrase.step, true);
      afterAction({ kind: 'insert', step: phrase.step });
    }
  };

  const choose = (key: string) => {
    const phrase = set.byKey.get(key);
    if (!phrase) return;
    const filled = fillPlaceholders(phrase.text, values);
    if (filled.missing.length) setAsking({ phrase, fields: filled.missing });
    else void insertFilled(phrase, filled.text);
  };

  const empathyPhrase = set.search('', { step: 'empathize', channel: ticket.channel, usage, limit: 1 })[0];
  const atSummary = step === 'summarize' || step === 'follow-through';
  const checkInPhrases = atSummary
    ? set.search('', { step: 'follow-through', channel: ticket.channel, limit: 40 })
      .filter((p) => p.tags?.includes('check-in') && fitsChannel(p, ticket.channel))
      .map((p) => fillPlaceholders(p.text, values))
      .filter((f) => !f.missing.length)
      .slice(0, 2)
      .map((f) => f.text)
    : [];

  return (
    <>
      {children}
      <CuesBar cues={cues} ticket={ticket} />
      <DraftTips ticket={ticket} tabId={shown.tabId} frustrated={frustrated} disabledTips={settings.disabledTips} />
      {nudgeOpen && (
        <Nudge
          firstName={ticket.customer?.firstName}
          phrase={empathyPhrase ? { label: fillPlaceholders(empathyPhrase.text, values).text, onInsert: () => choose(empathyPhrase.key) } : undefined}
          onDismiss={() => {
            setNudgeOpen(false);
            void progress.dismissNudge();
          }}
        />
      )}
      {set.problems.length > 0 && <p class="notice error" role="alert">{set.problems.join(' ')}</p>}
      {showReset && (
        <ResetCard
          line={resetLine!}
          onReady={() => void progress.setDone('reset', true)}
          onSkip={() => void progress.setDone('reset', true)}
        />
      )}
      {asking ? (
        <AskPrompt
          fields={asking.fields}
          onCancel={() => setAsking(null)}
          onSubmit={(answers) => {
            const { phrase } = asking;
            setAsking(null);
            void insertFilled(phrase, fillPlaceholders(phrase.text, values, answers).text);
          }}
        />
      ) : (
        <PhraseList
          ref={search}
          query={query}
          heading={query ? 'Matching phrases' : step === 'reset' ? 'Greet phrases, for when you are ready' : `${stepTitle(step ?? '')} phrases`}
          phrases={views}
          onQuery={setQuery}
          onInsert={(p) => choose(p.id)}
          onEscape={() => void sendToTab(shown.tabId, { type: 'editor/focus' }).catch(() => undefined)}
        />
      )}
      {notice && <p class={`notice${notice.error ? ' error' : ''}`} role="status">{notice.text}</p>}
      {atSummary && (
        <FollowUpControls
          ticket={ticket}
          offerCheckIn={settings.checkInAfterSolve && (progress.done.includes('solve') || step === 'follow-through')}
          checkInPhrases={checkInPhrases}
        />
      )}
      <NotesBox ticket={ticket} />
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
      <StoryButton ticket={ticket} label="Mark this ticket as a story" />
    </>
  );
}
