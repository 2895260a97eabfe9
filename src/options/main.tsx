import { render } from 'preact';
import { openWriteQueue } from '../storage/write-queue';
import { OptionsApp } from './OptionsApp';
import '../panel/tokens.css';
import './options.css';
import { t, uiLocale } from '../i18n';

// The page speaks the browser's language: its title and lang follow chrome.i18n.
document.title = t('optionsPageTitle');
document.documentElement.lang = uiLocale();
void openWriteQueue().then(() => render(<OptionsApp />, document.getElementById('app')!));
