export interface ChecklistStep {
  id: string;
  title: string;
  hint?: string;
}

interface Props {
  steps: readonly ChecklistStep[];
  done: readonly string[];
  selected: string | undefined;
  raised?: readonly string[];
  onToggle(step: string, checked: boolean): void;
  onSelect(step: string): void;
}

/** The empathize-then-solve checklist. Each step is a checkbox whose name begins with its title. */
export function Checklist({ steps, done, selected, raised = [], onToggle, onSelect }: Props) {
  return (
    <section aria-labelledby="checklist-title" class="checklist">
      <h2 id="checklist-title">Person first, then the problem</h2>
      <ol>
        {steps.map((s) => {
          const checked = done.includes(s.id);
          return (
            <li key={s.id} class={`step${s.id === selected ? ' selected' : ''}${checked ? ' done' : ''}${raised.includes(s.id) ? ' raised' : ''}`}>
              <label>
                <input type="checkbox" checked={checked} onChange={(e) => onToggle(s.id, (e.currentTarget as HTMLInputElement).checked)} />
                <span class="step-title">{s.title}</span>
                {s.hint && <span class="step-hint">{s.hint}</span>}
              </label>
              <button type="button" class="step-open" aria-pressed={s.id === selected} aria-label={`Show ${s.title} phrases`} onClick={() => onSelect(s.id)}>
                ›
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
