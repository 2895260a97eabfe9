// Issue #12: the glance area's parts in jsdom: one prompt at a time, by urgency; the stepper as one
// tab stop moved with arrow keys; the phrase list as one tab stop, Escape clearing the search first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { Cue } from '../../src/core/cues';
import type { TicketContext } from '../../src/core/ticket';
import { Checklist } from '../../src/panel/Checklist';
import { PhraseList, type PhraseView } from '../../src/panel/PhraseList';
import { PromptSlot } from '../../src/panel/PromptSlot';

afterEach(cleanup);

const ticket: TicketContext = { desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', customer: { firstName: 'Maria' } };
const waitingCue = { kind: 'waiting', reason: 'Waiting 2 min for a reply', raise: ['greet'] } as unknown as Cue;
const guide = { title: 'Empathize', hint: 'Name their exact situation', done: 2, total: 9 };
const nudge = { firstName: 'Maria', phrase: { label: 'I can see why this is frustrating.', onInsert: () => undefined }, onDismiss: () => undefined };

describe('the prompt slot', () => {
  it('shows only the most urgent prompt: nudge, then waiting, then reset, else the step guide', () => {
    const { rerender, container } = render(<PromptSlot nudge={nudge} waiting={{ cue: waitingCue, ticket }} reset={{ line: 'Fresh start.', onDone: () => undefined }} guide={guide} />);
    const count = () => container.querySelectorAll('.prompt').length;
    expect(screen.getByRole('status').textContent).toContain('Before solving, a line for Maria');
    expect(count()).toBe(1);
    rerender(<PromptSlot waiting={{ cue: waitingCue, ticket }} reset={{ line: 'Fresh start.', onDone: () => undefined }} guide={guide} />);
    expect(screen.getByText('Waiting 2 min for a reply')).toBeTruthy();
    expect(screen.queryByText('Fresh start.')).toBeNull();
    expect(count()).toBe(1);
    rerender(<PromptSlot reset={{ line: 'Fresh start.', onDone: () => undefined }} guide={guide} />);
    expect(screen.getByRole('region', { name: 'Reset before this customer' })).toBeTruthy();
    expect(count()).toBe(1);
    rerender(<PromptSlot guide={guide} />);
    expect(screen.getByText('Now: Empathize')).toBeTruthy();
    expect(count()).toBe(1);
  });

  it('dismisses the nudge with "Not now" and inserts its line with one click', () => {
    const onDismiss = vi.fn();
    const onInsert = vi.fn();
    render(<PromptSlot nudge={{ ...nudge, onDismiss, phrase: { label: 'I can see why this is frustrating.', onInsert } }} guide={guide} />);
    fireEvent.click(screen.getByRole('button', { name: 'I can see why this is frustrating.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onInsert).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

const STEPS = ['Reset', 'Greet', 'Listen', 'Empathize'].map((title) => ({ id: title.toLowerCase(), title, hint: `${title} hint` }));

describe('the stepper', () => {
  it('is one tab stop on the current step; arrows move focus and show that step, wrapping round', () => {
    const onSelect = vi.fn();
    render(<Checklist steps={STEPS} done={['reset']} selected="listen" onToggle={() => undefined} onSelect={onSelect} />);
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    expect(STEPS.filter((s) => box(s.title).tabIndex === 0).map((s) => s.title)).toEqual(['Listen']);
    expect(box('Reset').checked).toBe(true);
    box('Listen').focus();
    fireEvent.keyDown(box('Listen'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(box('Empathize'));
    expect(onSelect).toHaveBeenLastCalledWith('empathize');
    fireEvent.keyDown(box('Empathize'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(box('Reset'));
    fireEvent.keyDown(box('Reset'), { key: 'End' });
    expect(onSelect).toHaveBeenLastCalledWith('empathize');
  });

  it('ticks a step from its checkbox and opens its phrases from its name', () => {
    const onToggle = vi.fn();
    const onSelect = vi.fn();
    render(<Checklist steps={STEPS} done={[]} selected="greet" onToggle={onToggle} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Greet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show Empathize phrases' }));
    expect(onToggle).toHaveBeenCalledWith('greet', true);
    expect(onSelect).toHaveBeenCalledWith('empathize');
  });
});

const phrases: PhraseView[] = ['Hi Maria', 'Thanks for waiting', 'I am on it'].map((preview, i) => ({ id: `p${i}`, step: 'greet', stepTitle: 'Greet', preview, needsInput: false }));

describe('the phrase list', () => {
  it('is one tab stop: only the phrase last focused is tabbable', () => {
    render(<PhraseList query="" heading="Greet phrases" phrases={phrases} onQuery={() => undefined} onInsert={() => undefined} onEscape={() => undefined} />);
    const buttons = () => screen.getAllByRole('button').filter((b) => b.classList.contains('phrase'));
    expect(buttons().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons()[0]!.focus();
    fireEvent.keyDown(buttons()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons()[1]);
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('Escape in the search clears the query first, and only then hands the caret back', () => {
    const onQuery = vi.fn();
    const onEscape = vi.fn();
    const { rerender } = render(<PhraseList query="wait" heading="Matching phrases" phrases={phrases} onQuery={onQuery} onInsert={() => undefined} onEscape={onEscape} />);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search phrases' }), { key: 'Escape' });
    expect(onQuery).toHaveBeenCalledWith('');
    expect(onEscape).not.toHaveBeenCalled();
    rerender(<PhraseList query="" heading="Greet phrases" phrases={phrases} onQuery={onQuery} onInsert={() => undefined} onEscape={onEscape} />);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search phrases' }), { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledOnce();
  });
});
