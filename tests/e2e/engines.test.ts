// The offline field flow in every engine: Chromium, Firefox ESR and WebKitGTK (Safari's engine), one flow file.
import { describe } from 'vitest';
import { openChromium } from './engines/chromium';
import { fieldFlow } from './engines/fieldFlow';
import { openFirefox } from './engines/firefox';
import { openWebKit } from './engines/webkit';

describe('the offline field flow in Chromium', () => fieldFlow(openChromium, false));
describe('the offline field flow in Firefox', () => fieldFlow(openFirefox, false));
describe('the offline field flow in WebKit', () => fieldFlow(openWebKit, true));
