/** The browser entry: styles, `<html lang>` from the remembered language, and the app. */
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './shell/shell.css';
import { render } from 'preact';
import { getLanguage } from './i18n/language';
import { App } from './App';

document.documentElement.lang = getLanguage();
render(<App />, document.getElementById('app')!);
