interface Props {
  line: string;
  onReady(): void;
  onSkip(): void;
}

/** The optional reset before a new customer: one line of self-talk, never sent, skippable. */
export function ResetCard({ line, onReady, onSkip }: Props) {
  return (
    <section class="reset" aria-label="Reset before this customer">
      <p class="reset-line">{line}</p>
      <div class="row">
        <button type="button" onClick={onReady}>I'm ready</button>
        <button type="button" class="link" onClick={onSkip}>Skip</button>
      </div>
    </section>
  );
}
