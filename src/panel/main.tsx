// boot comes first: its reads start while the rest of the panel's code is still evaluating.
import { markScriptEvaluated } from './boot';
import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { App } from './App';
import './panel.css';
import { uiLocale } from '../i18n';

markScriptEvaluated();
document.documentElement.lang = uiLocale();
// The database is open (and what a closed panel left queued is applied) before the agent can
// click, so every tick and dismissal is committed inside its click.
void openWriteQueue().then(() => render(<App />, document.getElementById('app')!));
