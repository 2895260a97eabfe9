/** Tickets the agent marked as a story (good, bad or ugly) to share with the team. */
import { resolveDb, type DbSource, type StoryKind, type StoryRecord } from './db';
import { newId } from './ids';

export const STORY_KINDS: readonly StoryKind[] = ['good', 'bad', 'ugly'];
export const STORY_KIND_LABELS: Readonly<Record<StoryKind, string>> = { good: 'Good', bad: 'Bad', ugly: 'Ugly' };

export interface NewStory {
  key: string;
  url: string;
  subject?: string;
  kind: StoryKind;
  text: string;
}

/** A new story's record; throws on an unknown kind. */
export function newStoryRecord(input: NewStory, now: number = Date.now()): StoryRecord {
  if (!STORY_KINDS.includes(input.kind)) throw new RangeError(`A story is good, bad or ugly, not "${String(input.kind)}".`);
  const record: StoryRecord = { id: newId(), key: input.key, url: input.url, kind: input.kind, text: input.text, createdAt: now };
  if (input.subject !== undefined) record.subject = input.subject;
  return record;
}

export function createStoriesRepo(source: DbSource, clock: () => number = Date.now) {
  const db = () => resolveDb(source);

  async function add(input: NewStory, now: number = clock()): Promise<StoryRecord> {
    const record = newStoryRecord(input, now);
    await (await db()).add('stories', record);
    return record;
  }

  /** All stories, newest first. */
  async function list(): Promise<StoryRecord[]> {
    return (await (await db()).getAllFromIndex('stories', 'byCreated')).reverse();
  }

  async function forTicket(key: string): Promise<StoryRecord[]> {
    const rows = await (await db()).getAllFromIndex('stories', 'byKey', key);
    return rows.sort((a, b) => b.createdAt - a.createdAt);
  }

  async function remove(id: string): Promise<void> {
    await (await db()).delete('stories', id);
  }

  return { add, list, forTicket, remove };
}

export type StoriesRepo = ReturnType<typeof createStoriesRepo>;
