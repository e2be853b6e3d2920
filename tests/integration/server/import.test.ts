// A registry import of 10,000 rows goes through the API as one all-or-nothing batch, and its undo removes every
// dwelling it made; a batch with one bad op, or one whose connection is cut halfway, leaves nothing on the server.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/core/demo/users';
import { readCsv } from '../../../src/core/import/readTable';
import { guessMapping, previewRows } from '../../../src/core/import/registryImport';
import { importOps, undoOps, type ImportedRecord } from '../../../src/core/import/importOps';
import { MELHUS_AREA_NAMES as MELHUS_AREAS } from '../../../src/core/demo/melhusSettings';
import type { Dwelling } from '../../../src/core/schemas/dwelling';
import type { Op, PullResponse } from '../../../src/core/sync/protocol';
import { startServer, type ServerProcess } from '../../support/server-process';

let server: ServerProcess;
const tokens: Record<string, string> = {};
const clientId = crypto.randomUUID();

beforeAll(async () => {
  server = await startServer({ demo: true });
  for (const username of ['admin', 'inspektor']) {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    tokens[username] = ((await res.json()) as { token: string }).token;
  }
}, 90_000);
afterAll(() => server?.stop());

/** A registry file of `n` rows in Egnet's own layout, each a different flat. */
function registryFile(n: number): string {
  const lines = ['Adresse;Bruksenhetsnummer;Postnummer;Område;Gnr;Bnr;Boligtype;Etasje;Heis;BRA (m²);Rom;Godkjente soverom;Leieforhold;Ledig'];
  for (let i = 0; i < n; i++) {
    const area = MELHUS_AREAS[i % MELHUS_AREAS.length];
    lines.push(`Importvegen ${Math.floor(i / 40) + 1};H0${101 + (i % 40)};7224;${area};${1 + (i % 300)};${1 + (i % 97)};Leilighet i blokk;2;Nei;64,5;3;2;Løpende;Nei`);
  }
  return lines.join('\r\n');
}

function dwellingsOf(text: string): Dwelling[] {
  const table = readCsv(text);
  const rows = previewRows(table, guessMapping(table.header), MELHUS_AREAS.map((name) => ({ value: name, name })), []);
  return rows.flatMap((r) => (r.status === 'ok' ? [r.dwelling] : []));
}

/** The op with another postcode in its values. */
const withPostcode = (op: Op, postcode: string): Op => ({ ...op, set: { ...(op as { set: Record<string, unknown> }).set, postcode } }) as Op;

async function batch(as: string, ops: Op[]): Promise<Response> {
  return fetch(`${server.url}/api/sync/batch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[as]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId, ops }),
  });
}

/** Every live dwelling the inspector's device would pull, with its revision. */
async function pulledDwellings(): Promise<ImportedRecord[]> {
  const live = new Map<string, ImportedRecord>();
  for (let cursor = 0; ; ) {
    const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${tokens.inspektor}` } });
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) {
      if (c.entity !== 'dwelling') continue;
      if (c.deleted) live.delete(c.id);
      else live.set(c.id, { id: c.id, rev: c.rev, data: c.data });
    }
    cursor = page.cursor;
    if (!page.hasMore) return [...live.values()];
  }
}

describe('registry import through the API', () => {
  let before = 0;

  it('imports 10,000 rows in one batch and the inspector pulls them all; the undo removes every one', async () => {
    before = (await pulledDwellings()).length;
    const dwellings = dwellingsOf(registryFile(10_000));
    expect(dwellings).toHaveLength(10_000);
    const importId = crypto.randomUUID();
    const res = await batch('admin', importOps(dwellings, importId));
    expect(res.status, await res.clone().text()).toBe(200);
    const { results } = (await res.json()) as { results: { status: string }[] };
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(10_000);

    const pulled = await pulledDwellings();
    expect(pulled.filter((d) => d.data.importId === importId)).toHaveLength(10_000);
    expect(pulled).toHaveLength(before + 10_000);

    const undo = await batch('admin', undoOps(pulled, importId));
    expect(undo.status, await undo.clone().text()).toBe(200);
    const after = await pulledDwellings();
    expect(after.filter((d) => d.data.importId === importId)).toHaveLength(0);
    expect(after).toHaveLength(before);
  }, 120_000);

  it('stores nothing of a batch in which one op is refused, and names that op', async () => {
    const dwellings = dwellingsOf(registryFile(1_600));
    const importId = crypto.randomUUID();
    const ops = importOps(dwellings, importId);
    ops[1_500] = withPostcode(ops[1_500]!, '72A4');
    const res = await batch('admin', ops);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; issues: { index: number; error: { code: string } }[] } };
    expect(body.error.code).toBe('batch_refused');
    expect(body.error.message).toMatch(/ingenting er lagret/);
    expect(body.error.issues).toEqual([expect.objectContaining({ index: 1_500, error: expect.objectContaining({ code: 'invalid' }) })]);
    expect(await pulledDwellings()).toHaveLength(before);
    // Sent again once fixed, the same op ids are applied: the refused attempt left no trace of them.
    ops[1_500] = withPostcode(ops[1_500]!, '7224');
    const again = await batch('admin', ops);
    expect(again.status).toBe(200);
    const pulled = await pulledDwellings();
    expect(pulled.filter((d) => d.data.importId === importId)).toHaveLength(1_600);
    expect((await batch('admin', undoOps(pulled, importId))).status).toBe(200);
  }, 120_000);

  it('stores nothing when the connection is lost halfway through the upload', async () => {
    const body = JSON.stringify({ clientId, ops: importOps(dwellingsOf(registryFile(3_000)), crypto.randomUUID()) });
    const url = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /api/sync/batch HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${tokens.admin}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
        );
        socket.write(body.slice(0, Math.floor(body.length / 2)), () => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
    // The server is still there, and holds none of it.
    await new Promise((r) => setTimeout(r, 500));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await pulledDwellings()).toHaveLength(before);
  }, 60_000);

  it('takes batches from administrators only', async () => {
    const res = await batch('inspektor', importOps(dwellingsOf(registryFile(1)), crypto.randomUUID()));
    expect(res.status).toBe(403);
    expect(await pulledDwellings()).toHaveLength(before);
  });
});
