// The built-in desks' content script, injected by the manifest on their hosts: finds the desk by its URL,
// then watches, reports and inserts (start.ts). Kept tiny on purpose (its gzipped size is a benchmark
// figure): no UI, no database, no packs, and nothing only custom desks need (custom.ts has that).
import { adapterFor } from '../desks';
import { startOnce } from './start';

startOnce(() => adapterFor(new URL(location.href)));
