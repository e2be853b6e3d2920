/** `npm run user:add -- <username> <role[,role]> [--name "Full Name"]`: creates an account; the password is asked for, never taken from argv. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ROLES, type Role } from '../../core/entities';
import { hashPassword } from '../auth/password';
import { MIN_PASSWORD_LENGTH, normalizeUsername, USERNAME_PATTERN } from '../../core/schemas/account';
import { passwordRefusal } from '../auth/passwordPolicy';
import { createAccount } from '../auth/accounts';
import { findUserByUsername } from '../auth/users';
import { openStore } from '../store/openStore';

const USAGE = `Bruk / Usage: npm run user:add -- <brukernavn/username> <rolle/role> [--name "Fullt navn / Full name"]
Roller / Roles: ${ROLES.join(', ')} (flere med komma / several with commas)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads one line; on a terminal the typed characters are not echoed. */
function readLine(prompt: string, lines: AsyncIterator<string> | undefined): Promise<string> {
  if (lines) return lines.next().then((r) => (r.done ? '' : r.value));
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  process.stdout.write(prompt);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  rl.on('SIGINT', () => fail('\nAvbrutt / Cancelled'));
  return new Promise((done) =>
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      done(answer);
    }),
  );
}

const args = process.argv.slice(2);
const nameAt = args.indexOf('--name');
const name = nameAt >= 0 ? args.splice(nameAt, 2)[1] : undefined;
if (nameAt >= 0 && !name?.trim()) fail(`--name trenger et navn / --name needs a name\n${USAGE}`);
if (args.length !== 2) fail(USAGE);
const username = normalizeUsername(args[0]!);
const roles = args[1]!.split(',').map((r) => r.trim());
if (!USERNAME_PATTERN.test(username)) {
  fail(`Ugyldig brukernavn "${args[0]}": 2–64 tegn a–z, 0–9, punktum, bindestrek eller understrek / Invalid username: 2–64 of a–z, 0–9, dot, dash, underscore`);
}
const unknown = roles.filter((r) => !ROLES.includes(r as Role));
if (unknown.length > 0 || roles.length === 0) {
  fail(`Ukjent rolle "${unknown.join(', ')}"; bruk en av / Unknown role; use one of: ${ROLES.join(', ')}`);
}

const dataDir = resolve(process.env.EGNET_DATA_DIR || './data');
mkdirSync(dataDir, { recursive: true });
const store = await openStore(dataDir);
if (await findUserByUsername(store, username)) fail(`Brukernavnet "${username}" finnes allerede / The username "${username}" is taken`);

// Not a terminal (a script or a test): the password is the first line of stdin.
const lines = process.stdin.isTTY ? undefined : createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const password = await readLine('Passord / Password: ', lines);
if (password.length < MIN_PASSWORD_LENGTH) {
  fail(`Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn / The password needs at least ${MIN_PASSWORD_LENGTH} characters`);
}
const weak = passwordRefusal(password, [username, name ?? '']);
if (weak) fail(weak);
if (!lines && (await readLine('Gjenta passord / Repeat password: ', lines)) !== password) {
  fail('Passordene er ikke like / The passwords do not match');
}

try {
  // Logged like an administrator's change, with no administrator: it came from the command line.
  const user = await createAccount(store, { username, name: (name ?? username).trim(), roles: roles as Role[], units: [], passwordHash: await hashPassword(password) }, null, new Date());
  console.log(`Opprettet / Created ${user.username} (${user.roles.join(', ')}) — ${user.name}`);
  await store.close();
  process.exit(0);
} catch (err) {
  // Another process may have taken the name between the check and the insert.
  fail(`Kunne ikke opprette brukeren / Could not create the user: ${err instanceof Error ? err.message : String(err)}`);
}
