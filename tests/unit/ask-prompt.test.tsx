// The fill-in prompt (issue #11): it shows the phrase being completed, starts from what the ticket
// shows, and Escape leaves it (the workspace then puts the caret back in the search box; E2E checks that).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { AskPrompt } from '../../src/panel/AskPrompt';
import { fillPlaceholders } from '../../src/core/placeholders';

afterEach(cleanup);
const TEXT = "I'm checking order {{ask:Order number}} now, {{customer.firstName|there}}.";
const fields = fillPlaceholders(TEXT, {}).missing;
const phrase = (answers: Record<string, string>) => fillPlaceholders(TEXT, { customer: { firstName: 'Maria' } }, answers).text;

describe('AskPrompt', () => {
  it('shows the phrase as it will read, following what is typed', () => {
    render(<AskPrompt fields={fields} phrase={phrase} onSubmit={() => undefined} onCancel={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Fill in the phrase' });
    expect(form.textContent).toContain("I'm checking order [Order number] now, Maria.");
    fireEvent.input(screen.getByRole('textbox', { name: 'Order number' }), { target: { value: 'A-77' } });
    expect(form.textContent).toContain("I'm checking order A-77 now, Maria.");
  });

  it('starts from the value the ticket shows, selected, and inserts it as is on Enter', () => {
    const onSubmit = vi.fn();
    render(<AskPrompt fields={fields} phrase={phrase} initial={{ 'ask:order number': '#1042' }} onSubmit={onSubmit} onCancel={() => undefined} />);
    const field = screen.getByRole('textbox', { name: 'Order number' }) as HTMLInputElement;
    expect(field.value).toBe('#1042');
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 5]);
    fireEvent.submit(screen.getByRole('form', { name: 'Fill in the phrase' }));
    expect(onSubmit).toHaveBeenCalledWith({ 'ask:order number': '#1042' });
  });

  it('leaves on Escape without inserting', () => {
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    render(<AskPrompt fields={fields} phrase={phrase} onSubmit={onSubmit} onCancel={onCancel} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Order number' }), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
