import { useRef } from 'preact/hooks';
import { t } from '../i18n';

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

const NEXT: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The empathize-then-solve checklist as a compact stepper, always in the glance area. Each step is
 * a checkbox named by its title (ticks it) and the title itself (opens its phrases). The stepper is
 * one tab stop: arrow keys move between steps and show each step's phrases, Space ticks.
 */
export function Checklist({ steps, done, selected, raised = [], onToggle, onSelect }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const tabStop = Math.max(0, steps.findIndex((s) => s.id === selected));

  const onKey = (e: KeyboardEvent) => {
    const boxes = [...(list.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
    const at = boxes.indexOf(e.target as HTMLInputElement);
    if (at < 0) return;
    let to: number | undefined;
    if (e.key in NEXT) to = (at + NEXT[e.key]! + boxes.length) % boxes.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = boxes.length - 1;
    if (to === undefined) return;
    e.preventDefault();
    boxes[to]?.focus();
    onSelect(steps[to]!.id);
  };

  return (
    <section aria-labelledby="checklist-title" class="stepper">
      <h2 id="checklist-title" class="stepper-head">{t('checklistTitle')}</h2>
      <ol ref={list} onKeyDown={onKey}>
        {steps.map((s, i) => {
          const checked = done.includes(s.id);
          const current = s.id === selected;
          return (
            <li
              key={s.id}
              title={s.hint}
              aria-current={current ? 'step' : undefined}
              class={`step${current ? ' selected' : ''}${checked ? ' done' : ''}${raised.includes(s.id) ? ' raised' : ''}`}
            >
              <input
                type="checkbox"
                aria-label={s.title}
                tabIndex={i === tabStop ? 0 : -1}
                checked={checked}
                onChange={(e) => onToggle(s.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              {/* A mouse target; from the keyboard, arrowing onto a step does the same. */}
              <button type="button" class="step-name" tabIndex={-1} aria-pressed={current} aria-label={t('checklistShowStep', s.title)} onClick={() => onSelect(s.id)}>
                {s.title}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
