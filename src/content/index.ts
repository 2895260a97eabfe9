// The built-in desks' content script, injected by the manifest on their hosts: finds the desk by its URL,
// then watches, reports and inserts (start.ts). Kept tiny on purpose (its gzipped size is a benchmark
// figure): no UI, no database, no packs, and nothing only custom desks need (custom.ts has that).
import { adapterFor } from '../desks';
import { DESK_OVERRIDES_KEY } from '../desks/storage-keys';
import { startOnce } from './start';

// The packs' approved selector fixes, read beside the desk lookup so they apply to the first read
// and cost the desk no extra wait; start() follows later changes without a reload.
const fixes = chrome.storage.local.get(DESK_OVERRIDES_KEY).then((got) => got[DESK_OVERRIDES_KEY], () => undefined);
startOnce(() => adapterFor(new URL(location.href)), fixes);
