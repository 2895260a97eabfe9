// boot comes first: its reads start while the rest of the panel's code is still evaluating.
import { markQueueOpen, markScriptEvaluated } from './boot';
import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { App } from './App';
import './panel.css';
import { uiLocale } from '../i18n';

markScriptEvaluated();
document.documentElement.lang = uiLocale();
const root = document.getElementById('app')!;
// The ticket paints at once, while the database opens (the open started in boot) and what a
// closed panel left queued is applied. Until then the panel takes no input (App renders it
// inert), so every tick and dismissal is committed inside its click.
render(<App writable={false} />, root);
void openWriteQueue().then(() => {
  markQueueOpen();
  render(<App writable />, root);
});
