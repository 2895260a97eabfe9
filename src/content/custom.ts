// The custom desks' content script (content-custom.js), registered at runtime by the service worker
// for the origins the agent granted (background/custom-desks.ts). It carries what only custom desks
// need (presets, the linear-time URL matcher), so the built-in desks' script stays small.
import { customAdapterFor } from '../desks/custom';
import { matchesPattern } from '../desks/match';
import { readCustomDesks } from '../desks/storage-keys';
import { startOnce } from './start';

const url = new URL(location.href);
// On the built-in desks' hosts (the manifest's) the built-in script decides, as it always has: this one
// neither claims the page nor reads the custom definitions there.
const builtIn = chrome.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
if (!builtIn.some((p) => matchesPattern(p, url))) startOnce(async () => customAdapterFor(url, await readCustomDesks()));
