/** Before the browser tests: makes sure Chromium is installed (installs it when root on Debian), or says how. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function isDebian(): boolean {
  try {
    return existsSync('/etc/debian_version') || /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

if (existsSync(path)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.CHROMIUM_PATH && isRoot && isDebian()) {
  console.log('Chromium mangler; installerer med apt-get … / Chromium is missing; installing with apt-get …');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error('apt-get kunne ikke installere Chromium. / apt-get could not install Chromium.');
    process.exit(1);
  }
  if (existsSync(path)) process.exit(0);
}

console.error(
  [
    `Fant ikke Chromium på ${path}. / Chromium was not found at ${path}.`,
    'Installer den / Install it:  sudo apt-get update && sudo apt-get install -y chromium',
    'eller pek på en annen Chromium / or point to another Chromium:  CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n'),
);
process.exit(1);
