/**
 * Notes benchmark: fills a database with realistic notes, then times loading one ticket's note
 * and searching all notes for a word. Uses only IndexedDB (through idb) and performance.now(),
 * so the same function runs in Chromium and in Node with fake-indexeddb. Figures, not assertions.
 */
import { withDerivedFields, type NoteRecord, type PersonFirstDb } from './db';
import { createNotesRepo } from './notes-repo';
import { quantileOfSorted, seededRandom } from '../core/measure';

export interface BenchNotesOptions {
  /** Notes to store (the figure is 50,000). */
  count?: number;
  /** Notes written per transaction while filling. */
  batch?: number;
  loadSamples?: number;
  searchSamples?: number;
  /** Seed for the generated notes, so runs are comparable. */
  seed?: number;
}

export interface BenchNotesResult {
  count: number;
  fillMs: number;
  loadMedianMs: number;
  loadP95Ms: number;
  searchMedianMs: number;
  searchP95Ms: number;
  /** The queries timed, with how many hits each returned (at most 50). */
  searches: { query: string; hits: number }[];
}


const NAMES = ['Maria', 'Jonas', 'Aisha', 'Tom', 'Priya', 'Lukas', 'Chen', 'Sofia', 'Omar', 'Emma', 'Diego', 'Hannah'];
const SAID = [
  'Customer says the package never arrived and tracking has not moved since',
  'Charged twice for the same order, wants the duplicate refunded',
  'Cannot log in after the password reset email, link expired',
  'Asked to cancel the subscription before the renewal date',
  'Invoice shows the wrong company address, needs a corrected invoice for accounting',
  'App crashes when uploading photos on Android since the last update',
  'Wants to change the delivery address, order not shipped yet',
  'Discount code was not applied at checkout',
  'Third time writing about the same broken blender, frustrated',
  'Asked whether the warranty covers water damage',
  'Bank shows a chargeback notice they did not request',
  'Missing item in the box, received two of one and none of the other',
];
const MEANT = [
  'They need this sorted before the weekend, it is a gift.',
  'Mostly wants to feel heard; the money matters less than the hassle.',
  'Worried about being charged again next month.',
  'Needs the document for their tax return this week.',
  'Would accept a replacement instead of a refund if it ships fast.',
  'Has lost trust after several contacts; owning it matters more than speed.',
];
const PROMISED = [
  'Promised a call back tomorrow morning with the warehouse answer.',
  'Refund issued, told them 3-5 working days.',
  'Escalated to billing, said I would update them by Friday.',
  'Sent a replacement with express shipping at no cost.',
  'Logged a bug with the app team and will check back in 3 days.',
  'Applied the discount manually and confirmed the new total.',
];
// Common and rare words, a prefix, a name, two-word queries and one that matches nothing.
const QUERIES = ['refund', 'invoice', 'chargeback', 'warrant', 'blender express', 'maria', 'refund friday', 'zeppelin'];

function percentile(sorted: number[], p: number): number {
  return sorted.length ? Math.round(quantileOfSorted(sorted, p / 100) * 1000) / 1000 : 0;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Ticket key of the i-th generated note. */
export function benchNoteKey(i: number): string {
  return `zendesk:acme${i % 7}.zendesk.com:${100000 + i}`;
}

function makeNote(i: number, rand: () => number, now: number): NoteRecord {
  const name = pick(rand, NAMES);
  const order = Math.floor(rand() * 900000) + 100000;
  const lines = [
    `${name}: ${pick(rand, SAID)} (order ${order}).`,
    `Means: ${pick(rand, MEANT)}`,
    `Asked for: ${rand() < 0.5 ? 'a refund' : 'a replacement'} by ${rand() < 0.5 ? 'Friday' : 'next week'}.`,
    pick(rand, PROMISED),
  ];
  if (rand() < 0.3) lines.push(`Follow-up: ${pick(rand, PROMISED)} Contact ${name.toLowerCase()}@example.com.`);
  const updatedAt = now - Math.floor(rand() * 400 * 24 * 3600 * 1000);
  const key = benchNoteKey(i);
  return withDerivedFields({
    key,
    text: lines.join('\n'),
    createdAt: updatedAt - Math.floor(rand() * 3600 * 1000),
    updatedAt,
    rev: 1 + Math.floor(rand() * 20),
    origin: 'bench',
    url: `https://acme${i % 7}.zendesk.com/agent/tickets/${100000 + i}`,
    subject: `${pick(rand, SAID).split(',')[0]}`,
    desk: 'zendesk',
  });
}

/** Writes `count` generated notes in batches; returns the time it took. */
export async function fillNotes(db: PersonFirstDb, count: number, batch = 1000, seed = 42): Promise<number> {
  const rand = seededRandom(seed);
  const now = Date.now();
  const t0 = performance.now();
  for (let start = 0; start < count; start += batch) {
    const tx = db.transaction('notes', 'readwrite');
    const end = Math.min(count, start + batch);
    const writes: Promise<unknown>[] = [];
    for (let i = start; i < end; i++) writes.push(tx.store.put(makeNote(i, rand, now)));
    await Promise.all([...writes, tx.done]);
  }
  return performance.now() - t0;
}

/** Fills `db` (an empty database opened with openPersonFirstDb) and times load and search. */
export async function benchNotes(db: PersonFirstDb, options: BenchNotesOptions = {}): Promise<BenchNotesResult> {
  const count = options.count ?? 50_000;
  const fillMs = await fillNotes(db, count, options.batch ?? 1000, options.seed ?? 42);
  const repo = createNotesRepo(db);
  const rand = seededRandom((options.seed ?? 42) + 1);

  const loads: number[] = [];
  for (let s = 0; s < (options.loadSamples ?? 200); s++) {
    const key = benchNoteKey(Math.floor(rand() * count));
    const t0 = performance.now();
    const note = await repo.get(key);
    loads.push(performance.now() - t0);
    if (!note) throw new Error(`bench: note ${key} missing after fill`);
  }

  const searches: number[] = [];
  const totals = new Map<string, number>();
  const samples = options.searchSamples ?? 40;
  for (let s = 0; s < samples; s++) {
    const query = QUERIES[s % QUERIES.length]!;
    const t0 = performance.now();
    const result = await repo.search(query);
    searches.push(performance.now() - t0);
    totals.set(query, result.hits.length);
  }

  loads.sort((a, b) => a - b);
  searches.sort((a, b) => a - b);
  return {
    count,
    fillMs: Math.round(fillMs),
    loadMedianMs: percentile(loads, 50),
    loadP95Ms: percentile(loads, 95),
    searchMedianMs: percentile(searches, 50),
    searchP95Ms: percentile(searches, 95),
    searches: [...totals].map(([query, hits]) => ({ query, hits })),
  };
}
