// The extension pages' one way into IndexedDB: a shared connection per page and one small
// repository per store. Components never touch IndexedDB directly.
import { sharedDb } from '../storage/db';
import { createFollowupsRepo } from '../storage/followups-repo';
import { createNotesRepo } from '../storage/notes-repo';
import { createProgressRepo } from '../storage/progress-repo';
import { createStoriesRepo } from '../storage/stories-repo';
import { createUsageRepo } from '../storage/usage-repo';

const db = () => sharedDb();

export const notesRepo = async () => createNotesRepo(db);
export const progressRepo = async () => createProgressRepo(db);
export const usageRepo = async () => createUsageRepo(db);
export const followupsRepo = async () => createFollowupsRepo(db);
export const storiesRepo = async () => createStoriesRepo(db);
