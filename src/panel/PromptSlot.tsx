// The one place the panel asks for attention: one prompt at a time, in a slot of fixed height, so
// a prompt coming or going never moves the phrases under the agent's pointer.
import type { Cue } from '../core/cues';
import type { TicketContext } from '../core/ticket';
import { Nudge } from './Nudge';
import { ResetCard } from './ResetCard';
import { StepGuide } from './StepGuide';
import { WaitingPrompt } from './WaitingPrompt';

type Line = { label: string; onInsert(): void };

export interface PromptSlotProps {
  /** Solving began before any person step (shown until dismissed or a person step is done). */
  nudge?: { firstName?: string; phrase?: Line; onDismiss(): void } | null;
  /** A chat customer is waiting past the agent's threshold. */
  waiting?: { cue: Cue; ticket: TicketContext; phrase?: Line } | null;
  /** The optional reset before a new customer (a setting). */
  reset?: { line: string; onDone(): void } | null;
  /** Otherwise: the step to work on now. */
  guide: { title: string; hint?: string; done: number; total: number };
}

/** In order of urgency: the nudge, the waiting line, the reset, else the step guide. */
export function PromptSlot({ nudge, waiting, reset, guide }: PromptSlotProps) {
  return (
    <div class="prompt-slot">
      {nudge ? (
        <Nudge firstName={nudge.firstName} phrase={nudge.phrase} onDismiss={nudge.onDismiss} />
      ) : waiting ? (
        <WaitingPrompt cue={waiting.cue} ticket={waiting.ticket} phrase={waiting.phrase} />
      ) : reset ? (
        <ResetCard line={reset.line} onReady={reset.onDone} onSkip={reset.onDone} />
      ) : (
        <StepGuide title={guide.title} hint={guide.hint} done={guide.done} total={guide.total} />
      )}
    </div>
  );
}
