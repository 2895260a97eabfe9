import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../panel/tokens.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
