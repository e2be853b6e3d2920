// Log-out: guards can refuse (nothing changes), otherwise the server is told, cleanups run, the session goes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addLogoutCleanup, addLogoutGuard, logOut } from '../../../src/app/logout';
import { getSession, setSession } from '../../../src/app/session';
import { memoryStorage } from '../../support/memory-storage';

const USER = { id: 'u1', username: 'boveileder', name: 'Berit Boveileder', roles: ['counsellor' as const] };

const removers: (() => void)[] = [];
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('sessionStorage', memoryStorage());
  fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetchMock);
  setSession({ token: 'tok', user: USER });
});

afterEach(() => {
  for (const r of removers.splice(0)) r();
  vi.unstubAllGlobals();
});

describe('logOut', () => {
  it('is refused with every guard reason, and then changes nothing', async () => {
    const cleanup = vi.fn();
    removers.push(
      addLogoutGuard(() => ({ reason: { nb: '3 endringer er ikke synkronisert', en: '3 changes not synced' } })),
      addLogoutGuard(async () => null),
      addLogoutCleanup(cleanup),
    );
    const result = await logOut();
    expect(result).toEqual({ ok: false, refusals: [{ reason: { nb: '3 endringer er ikke synkronisert', en: '3 changes not synced' } }] });
    expect(getSession()?.token).toBe('tok');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(cleanup).not.toHaveBeenCalled();
  });

  it('revokes the token on the server, runs the cleanups with the user, and clears the session', async () => {
    const order: string[] = [];
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      order.push(`${init.method} ${new Headers(init.headers).get('Authorization')}`);
      return new Response(null, { status: 204 });
    });
    removers.push(addLogoutCleanup(async (u) => void order.push(`cleanup ${u.username}`)));
    expect(await logOut()).toEqual({ ok: true });
    expect(order).toEqual(['DELETE Bearer tok', 'cleanup boveileder']);
    expect(getSession()).toBeNull();
  });

  it('forgets what screens kept on the device, but keeps the language choice', async () => {
    localStorage.setItem('egnet.language', 'en');
    localStorage.setItem('egnet.dwellingDraft.new', '{"address":"Gimsvegen 1"}');
    localStorage.setItem('egnet.checklistPosition.x', '{"section":"fire"}');
    sessionStorage.setItem('egnet.registryFilter', 'q=Gimse');
    expect(await logOut()).toEqual({ ok: true });
    expect(localStorage.getItem('egnet.language')).toBe('en');
    expect(localStorage.getItem('egnet.dwellingDraft.new')).toBeNull();
    expect(localStorage.getItem('egnet.checklistPosition.x')).toBeNull();
    expect(sessionStorage.getItem('egnet.registryFilter')).toBeNull();
  });

  it('still logs out on the device when the server cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await logOut()).toEqual({ ok: true });
    expect(getSession()).toBeNull();
  });
});
