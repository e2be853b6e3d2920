/**
 * Before the browser tests: makes sure Chromium, Firefox ESR, WebKitGTK's WebDriver and MiniBrowser, and Xvfb are
 * installed (installs what is missing with apt-get when root on Debian), or says how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** What the browser tests need: the file that shows it is there, and the Debian package that brings it. */
const NEEDS = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', env: 'CHROMIUM_PATH' },
  { name: 'Firefox ESR', path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', pkg: 'firefox-esr', env: 'FIREFOX_PATH' },
  { name: 'WebKitWebDriver', path: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver', env: 'WEBKIT_DRIVER_PATH' },
  {
    name: 'MiniBrowser (WebKitGTK)',
    path: process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    pkg: 'webkit2gtk-driver',
    env: 'MINIBROWSER_PATH',
  },
  { name: 'Xvfb', path: '/usr/bin/Xvfb', pkg: 'xvfb', env: null },
];

function isDebian(): boolean {
  try {
    return existsSync('/etc/debian_version') || /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const missing = () => NEEDS.filter((n) => !existsSync(n.path));
const packages = () => [...new Set(missing().map((n) => n.pkg))];

if (missing().length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const chosenByHand = missing().some((n) => n.env && process.env[n.env]);
if (!chosenByHand && isRoot && isDebian()) {
  const pkgs = packages();
  console.log(`Installerer ${pkgs.join(', ')} med apt-get … / Installing ${pkgs.join(', ')} with apt-get …`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs, 'xauth'], { stdio: 'inherit', env });
  } catch {
    console.error('apt-get kunne ikke installere nettleserne. / apt-get could not install the browsers.');
    process.exit(1);
  }
  if (missing().length === 0) process.exit(0);
}

console.error(
  [
    ...missing().map((n) => `Fant ikke ${n.name} på ${n.path}. / ${n.name} was not found at ${n.path}.`),
    `Installer / Install:  sudo apt-get update && sudo apt-get install -y ${packages().join(' ')}`,
    'eller pek på egne kopier / or point to your own:  CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH',
  ].join('\n'),
);
process.exit(1);
