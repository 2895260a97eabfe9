import { markQueueOpen, markScriptEvaluated, startBoot } from './boot';
import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { App } from './App';
// Here, not beside the components: a stylesheet imported by a module of a chunk the options page
// shares (see vite.config.ts) would be loaded there too. Before panel.css, as it always came.
import './coaching/coaching.css';
import './panel.css';
import { uiLocale } from '../i18n';

// The panel's reads start before anything else runs.
const boot = startBoot();
markScriptEvaluated();
document.documentElement.lang = uiLocale();
const root = document.getElementById('app')!;
// The first screen renders once, with what it shows already read (the reads started in boot, while
// this code was loading, and are mostly in by now): a render without them would be redone a moment
// later, and the phrases would appear after the ticket. Bounded, so a slow read (a cold disk) never keeps the
// ticket off the screen: what is late then arrives as before.
const FIRST_SCREEN_WAIT_MS = 100;
if (boot) {
  const shown = Promise.all([boot.windowId.promise, boot.follow.promise, boot.storedSettings.promise, boot.installed.promise, boot.merged.promise, boot.language.promise]);
  await Promise.race([shown.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}
// The ticket paints at once, while the database opens (the open started in boot) and what a
// closed panel left queued is applied. Until then the panel takes no input (App renders it
// inert), so every tick and dismissal is committed inside its click.
render(<App writable={false} />, root);
void openWriteQueue().then(() => {
  markQueueOpen();
  render(<App writable />, root);
});
