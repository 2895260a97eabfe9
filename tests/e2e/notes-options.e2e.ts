// Issue #5: finding and managing notes in the options page: list, search, export, import.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, launch, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'notes-options';
let h: Harness;
let options: Page;

const now = Date.now();
const NOTES = {
  format: 'person-first-notes',
  version: 1,
  exportedAt: new Date(now).toISOString(),
  notes: [
    { key: 'zendesk:acme.zendesk.com:42', text: 'Wants the refund, not store credit.\nCalled twice.', createdAt: now - 5000, updatedAt: now - 1000, rev: 3, origin: 'a', url: 'https://acme.zendesk.com/agent/tickets/42', subject: 'Refund for order #1042', desk: 'zendesk' },
    { key: 'zendesk:acme.zendesk.com:43', text: 'Reset link expired <b>twice</b>', createdAt: now - 9000, updatedAt: now - 8000, rev: 1, origin: 'a', url: 'https://acme.zendesk.com/agent/tickets/43', subject: 'Cannot log in', desk: 'zendesk' },
  ],
};

export async function setup() {
  h = await launch();
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
  await options.getByRole('heading', { name: 'Notes' }).waitFor();
}

export async function teardown() {
  await h?.close();
}

const importFile = (name: string, body: string) =>
  options.getByLabel('Import notes').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

export const tests: E2ETest[] = [
  ['a malformed notes file is refused with a clear message and changes nothing', async () => {
    await importFile('broken.json', '{"format":"person-first-notes","version":1,"notes":[{"key":1}]}');
    await options.getByRole('status').filter({ hasText: 'was not imported' }).waitFor();
    await options.getByText('No notes yet.').waitFor();
  }],
  ['a notes file imports, and the list shows ticket, subject and first line as text', async () => {
    await importFile('notes.json', JSON.stringify(NOTES));
    await options.getByRole('status').filter({ hasText: '2 added' }).waitFor();
    const table = options.getByRole('table', { name: 'All notes' });
    await table.getByRole('link', { name: '42' }).waitFor();
    await table.getByText('Wants the refund, not store credit.').waitFor();
    await table.getByText('Reset link expired <b>twice</b>').waitFor();
    check((await table.locator('b').count()) === 0, 'note text was rendered as HTML');
  }],
  ['importing the same file again keeps the newer notes and reports them as up to date', async () => {
    await importFile('notes.json', JSON.stringify(NOTES));
    await options.getByRole('status').filter({ hasText: '2 already up to date' }).waitFor();
  }],
  ['search finds a note by a word in its text', async () => {
    await options.getByRole('searchbox', { name: 'Search notes' }).fill('refund');
    await options.getByRole('table', { name: 'All notes' }).getByRole('link', { name: '42' }).waitFor();
    await options.waitForFunction(() => document.querySelectorAll('table[aria-label="All notes"] tbody tr').length === 1);
    await options.getByRole('searchbox', { name: 'Search notes' }).fill('');
  }],
  ['exports all notes as JSON and CSV', async () => {
    const [json] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export notes (JSON)' }).click()]);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    check(doc.format === 'person-first-notes' && doc.notes.length === 2, `unexpected export: ${JSON.stringify(doc).slice(0, 200)}`);
    const [csv] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export notes (CSV)' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    check(text.startsWith('ticket,desk,subject') && text.includes('Wants the refund'), `unexpected CSV: ${text.slice(0, 200)}`);
  }],
  ['retention asks first, with a count, before deleting anything', async () => {
    await options.getByRole('combobox', { name: 'Delete notes not edited for' }).selectOption('30');
    await options.getByRole('alertdialog').getByText('No note is older than 30 days today.').waitFor();
    await options.getByRole('button', { name: 'Cancel' }).click();
    check((await options.getByRole('table', { name: 'All notes' }).locator('tbody tr').count()) === 2, 'notes were deleted');
  }],
  ['a hostile notes file gets no javascript: link and no far-future time, and CSV export still works', async () => {
    const hostile = { ...NOTES, notes: [{ key: 'zendesk:acme.zendesk.com:66', text: 'Click the ticket number', createdAt: 1e300, updatedAt: 1e300, rev: 1, origin: 'x', url: 'javascript:alert(document.domain)', subject: 'Hostile', desk: 'zendesk' }] };
    await importFile('hostile.json', JSON.stringify(hostile));
    await options.getByRole('status').filter({ hasText: '1 added' }).waitFor();
    const table = options.getByRole('table', { name: 'All notes' });
    await table.getByText('Click the ticket number').waitFor();
    check((await table.locator('a[href^="javascript"], a[href^="JAVASCRIPT"]').count()) === 0, 'a javascript: URL was rendered as a link');
    const [csv] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export notes (CSV)' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    check(text.includes('Click the ticket number') && !text.includes('+275760'), `unexpected CSV: ${text.slice(0, 300)}`);
  }],
];
