import type { Cue } from '../core/cues';
import type { TicketContext } from '../core/ticket';
import { cueHint, cueLabel } from './coaching/cue-hints';
import { cueReasonText } from './coaching/cue-reasons';

interface Props {
  cue: Cue;
  ticket: TicketContext;
  phrase?: { label: string; onInsert(): void };
}

/** A chat customer waiting past the agent's threshold: the cue and a thanks-for-waiting line, in the prompt slot. */
export function WaitingPrompt({ cue, ticket, phrase }: Props) {
  return (
    <div class="prompt waiting">
      <ul class="cue-list" aria-label={cueLabel('waiting')}>
        <li class="cue cue-waiting">
          <span class="cue-chip">{cueLabel(cue.kind)}</span> <span class="cue-reason">{cueReasonText(cue)}</span>
        </li>
      </ul>
      {phrase ? (
        <div class="row">
          <button type="button" class="phrase" title={phrase.label} onClick={phrase.onInsert}>{phrase.label}</button>
        </div>
      ) : (
        <p class="small">{cueHint(cue, ticket)}</p>
      )}
    </div>
  );
}
