// Persists the follow state in chrome.storage.session, so a service-worker restart loses nothing.
// Events are applied one at a time: Chrome delivers tab events concurrently with async storage.
import { EMPTY_FOLLOW, FOLLOW_KEY, follow, type FollowEvent, type FollowState } from '../core/follow';
import { serialQueue } from '../core/serial';

const serial = serialQueue();

export async function readFollow(): Promise<FollowState> {
  const got = await chrome.storage.session.get(FOLLOW_KEY);
  return (got[FOLLOW_KEY] as FollowState | undefined) ?? EMPTY_FOLLOW;
}

export function applyFollow(event: FollowEvent): Promise<FollowState> {
  return serial(async () => {
    const before = await readFollow();
    const after = follow(before, event);
    if (after !== before) await chrome.storage.session.set({ [FOLLOW_KEY]: after });
    return after;
  });
}
