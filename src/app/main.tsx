/** The browser entry: styles, `<html lang>` from the remembered language, the app, and its service worker. */
import './zodSetup';
import './problems';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './shell/shell.css';
import { render } from 'preact';
import { getLanguage } from './i18n/language';
import { App } from './App';
import { registerServiceWorker } from './shell/updates';

document.documentElement.lang = getLanguage();
render(<App />, document.getElementById('app')!);
registerServiceWorker();
