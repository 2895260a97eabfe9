import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { OptionsApp } from './OptionsApp';
import '../panel/tokens.css';
import './options.css';

void openWriteQueue().then(() => render(<OptionsApp />, document.getElementById('app')!));
