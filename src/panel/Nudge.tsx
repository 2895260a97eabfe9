interface Props {
  firstName?: string;
  phrase?: { label: string; onInsert(): void };
  onDismiss(): void;
}

/** The gentle person-first reminder: a status message, never a blocker. */
export function Nudge({ firstName, phrase, onDismiss }: Props) {
  return (
    <div role="status" class="nudge">
      <p>
        Before solving, a line for {firstName ?? 'the customer'} as a person can make the fix land better.
      </p>
      {phrase && (
        <button type="button" class="phrase" onClick={phrase.onInsert}>
          {phrase.label}
        </button>
      )}
      <button type="button" class="link" onClick={onDismiss}>Not now</button>
    </div>
  );
}
