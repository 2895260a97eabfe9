// boot comes first: its reads start while the rest of the panel's code is still evaluating.
import { markScriptEvaluated } from './boot';
import { render } from 'preact';
import { App } from './App';
import './panel.css';

markScriptEvaluated();
render(<App />, document.getElementById('app')!);
