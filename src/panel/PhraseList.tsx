import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface PhraseView {
  id: string;
  step: string;
  stepTitle: string;
  /** The phrase as it will be inserted, with the ticket's values filled in. */
  preview: string;
  needsInput: boolean;
  /** What the phrase assumes that this ticket does not show ("assumes: wrote before"); only search lists such phrases. */
  assumes?: string;
}

interface Props {
  query: string;
  phrases: readonly PhraseView[];
  heading: string;
  /** The language the phrases are written in, for screen readers and hyphenation. */
  lang?: string;
  /** Shown under the heading (the phrase language switch). */
  toolbar?: ComponentChildren;
  onQuery(q: string): void;
  onInsert(p: PhraseView): void;
  onEscape(): void;
  /** The search box, for the panel's "focus search" shortcut (a plain prop: forwardRef would pull in preact/compat). */
  searchRef?: RefObject<HTMLInputElement>;
}

/**
 * Search box plus suggestions, fully keyboard-driven: arrows move, Enter inserts; Escape clears the
 * search, then leaves. The list is one tab stop (roving tabindex), so Tab goes on past it.
 */
export function PhraseList({ query, phrases, heading, lang, toolbar, onQuery, onInsert, onEscape, searchRef: given }: Props) {
  const own = useRef<HTMLInputElement>(null);
  const searchRef = given ?? own;
  const list = useRef<HTMLUListElement>(null);
  const [tabStop, setTabStop] = useState(0);
  const idsKey = phrases.map((p) => p.id).join('|');
  useEffect(() => setTabStop(0), [idsKey]);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button.phrase') ?? [])];
  const move = (from: number, delta: number) => {
    const all = buttons();
    if (!all.length) return;
    const next = from + delta;
    if (next < 0) searchRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  const onKey = (e: KeyboardEvent) => {
    const all = buttons();
    const idx = all.indexOf(e.target as HTMLButtonElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); move(idx, 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(idx, -1); }
    else if (e.key === 'Home' && idx >= 0) { e.preventDefault(); all[0]?.focus(); }
    else if (e.key === 'End' && idx >= 0) { e.preventDefault(); all[all.length - 1]?.focus(); }
    else if (e.key === 'Escape' && idx < 0 && query) { e.preventDefault(); onQuery(''); }
    else if (e.key === 'Escape') { e.preventDefault(); onEscape(); }
    else if (e.key === 'Enter' && idx < 0 && phrases[0]) { e.preventDefault(); onInsert(phrases[0]); }
  };

  return (
    <section class="phrases" aria-labelledby="phrases-title" onKeyDown={onKey}>
      <h2 id="phrases-title">{heading}</h2>
      {toolbar}
      <input
        ref={searchRef}
        type="search"
        role="searchbox"
        aria-label={t('phrasesSearchLabel')}
        placeholder={t('phrasesSearchPlaceholder')}
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      {phrases.length === 0 ? (
        <p class="muted">{t('phrasesNoMatch', query)}</p>
      ) : (
        <ul ref={list} aria-label={t('phrasesSuggested')}>
          {phrases.map((p, i) => (
            <li key={p.id}>
              <button type="button" class="phrase" tabIndex={i === tabStop ? 0 : -1} onFocus={() => setTabStop(i)} title={p.needsInput ? t('phraseAsksFirst') : t('phraseInsert')} onClick={() => onInsert(p)}>
                <span class="phrase-text" lang={lang}>{p.preview}</span>
                {query && <span class="phrase-step">{p.stepTitle}</span>}
                {p.assumes && <span class="phrase-step phrase-assumes">{p.assumes}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
