// Runs a desk fixture SPA (tests/e2e/fixtures/desks) in jsdom, the way the Zendesk test does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../e2e/fixtures/desks');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

export interface FixtureDesk {
  tickets: Record<string, { subject: string }>;
  open(id: number | string, o?: { delay: number }): Promise<number>;
  append(id: number | string, sender: string, text: string, fromCustomer?: boolean): void;
  leave(): void;
}

export async function loadDeskFixture(name: string, id: number | string): Promise<FixtureDesk> {
  history.replaceState({}, '', '/');
  document.documentElement.innerHTML = read(`${name}.html`).replace(/<script[\s\S]*?<\/script>/g, '');
  new Function(read('desk-kit.js'))();
  new Function(read(`${name}-app.js`))();
  const desk = (window as unknown as { __desk: FixtureDesk }).__desk;
  await desk.open(id, { delay: 0 });
  return desk;
}

/** The page's URL as if it were served from the desk's real host. */
export const urlAt = (host: string) => new URL(location.href.replace(location.origin, `https://${host}`));
