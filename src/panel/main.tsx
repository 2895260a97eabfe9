import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { App } from './App';
import './panel.css';

// The database is open (and what a closed panel left queued is applied) before the agent can
// click, so every tick and dismissal is committed inside its click.
void openWriteQueue().then(() => render(<App />, document.getElementById('app')!));
