// Tips the agent dismissed, per ticket, kept with the ticket's checklist progress: a dismissed tip
// stays away on that ticket across panel reloads, and comes back on the next ticket.
import type { TipId } from '../../core/draft-check';
import { queueWrite } from '../../storage/write-queue';
import { progressRepo } from '../repos';

export interface DismissedTipsStore {
  load(key: string): Promise<TipId[]>;
  dismiss(key: string, id: TipId): Promise<void>;
}

export const storedDismissedTips: DismissedTipsStore = {
  async load(key) {
    return ((await (await progressRepo()).get(key))?.dismissedTips ?? []) as TipId[];
  },
  dismiss(key, id) {
    return queueWrite({ kind: 'progress/tip-dismissed', key, tip: id });
  },
};
