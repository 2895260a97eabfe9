import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../panel/panel.css';

render(<OptionsApp />, document.getElementById('app')!);
