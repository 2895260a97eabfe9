export function EmptyState({ desks }: { desks: string[] }) {
  return (
    <section class="empty" aria-label="No ticket">
      <h1>No ticket open</h1>
      <p>Open a ticket in {desks.join(', ')} and Person First will walk through it with you: the person first, then the problem.</p>
    </section>
  );
}
