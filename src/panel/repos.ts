// The extension pages' one way into IndexedDB: a shared connection per page and one small
// repository per store. Components never touch IndexedDB directly. The notes and follow-ups
// repositories load on first use: the panel's first paint needs neither.
import { sharedDb } from '../storage/db';
import { createProgressRepo } from '../storage/progress-repo';
import { createStoriesRepo } from '../storage/stories-repo';
import { createUsageRepo } from '../storage/usage-repo';

const db = () => sharedDb();

export const notesRepo = async () => (await import('../storage/notes-repo')).createNotesRepo(db);
export const progressRepo = async () => createProgressRepo(db);
export const usageRepo = async () => createUsageRepo(db);
export const followupsRepo = async () => (await import('../storage/followups-repo')).createFollowupsRepo(db);
export const storiesRepo = async () => createStoriesRepo(db);
