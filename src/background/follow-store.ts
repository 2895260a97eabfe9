// Persists the follow state in chrome.storage.session, so a service-worker restart loses nothing.
// Events are applied one at a time: Chrome delivers tab events concurrently with async storage.
import { EMPTY_FOLLOW, FOLLOW_KEY, follow, type FollowEvent, type FollowState } from '../core/follow';
import { serialQueue } from '../core/serial';

const serial = serialQueue();

/**
 * The tabs each window activated (FollowState.recent) are kept under a key of their own: they change on
 * every tab switch, and panels, which listen to FOLLOW_KEY, need not hear of it.
 */
const RECENT_KEY = 'follow.recent';

export async function readFollow(): Promise<FollowState> {
  const got = await chrome.storage.session.get([FOLLOW_KEY, RECENT_KEY]);
  const state = (got[FOLLOW_KEY] as FollowState | undefined) ?? EMPTY_FOLLOW;
  const recent = got[RECENT_KEY] as FollowState['recent'];
  return recent ? { ...state, recent } : state;
}

export function applyFollow(event: FollowEvent): Promise<FollowState> {
  return serial(async () => {
    const before = await readFollow();
    const after = follow(before, event);
    if (after === before) return after;
    const { recent, ...shown } = after;
    const changed: Record<string, unknown> = {};
    if (after.tabs !== before.tabs || after.windows !== before.windows) changed[FOLLOW_KEY] = shown;
    if (recent !== before.recent) changed[RECENT_KEY] = recent ?? {};
    if (Object.keys(changed).length) await chrome.storage.session.set(changed);
    return after;
  });
}
