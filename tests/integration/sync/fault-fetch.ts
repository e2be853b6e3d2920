/**
 * A fetch that misbehaves on purpose, as networks and servers do: requests dropped before sending, answers lost after
 * the server committed, duplicated and late-replayed requests, delays, 500/503/429 answers, cut-off bodies, and the
 * server killed (SIGKILL) while a request is in flight.
 */
import type { Prng } from './prng';

/** How often each fault happens (probabilities per request). */
export type FaultRates = {
  drop: number;
  loseResponse: number;
  duplicate: number;
  replayLater: number;
  delay: number;
  errorStatus: number;
  cutBody: number;
  kill: number;
};

/**
 * Counts of what was injected, printed with the seed (`answered`: answers the server gave while faults were on;
 * `kill`: real SIGKILLs of a running server; `killMerged`: kills asked for while the server was already down or
 * restarting, which killed nothing).
 */
export type FaultLog = Record<keyof FaultRates | 'requests' | 'answered' | 'killMerged', number>;

/** The faulty fetch and its switches. */
export type FaultFetch = {
  fetch: typeof fetch;
  log: FaultLog;
  /** Turns every fault off (the settle phase). */
  calm: () => void;
  /** Waits for late replays still on their way. */
  drain: () => Promise<void>;
};

/**
 * Wraps `real`; `kill` is called to SIGKILL and restart the server mid-request and resolves with whether it really
 * killed a running server (false: merged into a restart already under way). Kills are asked for until `maxKills` real
 * ones happened.
 */
export function faultFetch(
  rnd: Prng,
  rates: FaultRates,
  kill: () => Promise<boolean>,
  maxKills: number,
  real: typeof fetch = fetch,
  /** False while the server is down or restarting: no kill is asked for then, since it could kill nothing. */
  serverUp: () => boolean = () => true,
): FaultFetch {
  let on = true;
  const log: FaultLog = {
    requests: 0,
    answered: 0,
    drop: 0,
    loseResponse: 0,
    duplicate: 0,
    replayLater: 0,
    delay: 0,
    errorStatus: 0,
    cutBody: 0,
    kill: 0,
    killMerged: 0,
  };
  let killsAsked = 0; // asked for and not yet known to have killed or merged
  const late = new Set<Promise<unknown>>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const hit = (k: keyof FaultRates) => {
    if (!on || !rnd.chance(rates[k])) return false;
    log[k] += 1;
    return true;
  };

  // Answers are lost at random, but never drifting more than two answers from the set share, so every run really
  // loses about that share of the server's answers (a plain coin per answer left some short runs near 20 %).
  const loseNow = () => {
    if (!on) return false;
    const target = rates.loseResponse * log.answered;
    const lose = log.loseResponse < target - 2 ? true : log.loseResponse > target + 2 ? false : rnd.chance(rates.loseResponse);
    if (lose) log.loseResponse += 1;
    return lose;
  };

  const wrapped: typeof fetch = async (input, init) => {
    log.requests += 1;
    const url = String(input);
    // Late copies are sent without the caller's abort signal: the network delivers them whatever the app does.
    const bare = { ...init, signal: undefined };
    if (hit('delay')) await sleep(rnd.int(1, 200));
    if (hit('drop')) throw new TypeError('fault: dropped before sending');
    if (hit('errorStatus')) {
      const status = rnd.pick([500, 503, 429]);
      return new Response(JSON.stringify({ error: { code: 'fault', message: 'injected' } }), {
        status,
        headers: { 'Content-Type': 'application/json', ...(status !== 500 ? { 'Retry-After': '0' } : {}) },
      });
    }
    if (on && serverUp() && log.kill + killsAsked < maxKills && rnd.chance(rates.kill)) {
      killsAsked += 1;
      const p = sleep(rnd.int(0, 15))
        .then(kill)
        .then((killed) => (killed ? (log.kill += 1) : (log.killMerged += 1)))
        .finally(() => (killsAsked -= 1));
      late.add(p);
      void p.finally(() => late.delete(p));
    }
    if (hit('replayLater')) {
      const p = sleep(rnd.int(50, 1500)).then(() => real(url, bare).then((r) => r.arrayBuffer()).catch(() => undefined));
      late.add(p);
      void p.finally(() => late.delete(p));
    }
    if (hit('duplicate')) await real(url, bare).then((r) => r.arrayBuffer()).catch(() => undefined);
    const res = await real(url, init);
    if (on) log.answered += 1;
    if (loseNow()) {
      await res.arrayBuffer().catch(() => undefined);
      throw new TypeError('fault: response lost after the server answered');
    }
    if (hit('cutBody')) {
      const text = await res.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: res.status, headers: res.headers });
    }
    return res;
  };

  return {
    fetch: wrapped,
    log,
    calm: () => {
      on = false;
    },
    drain: async () => {
      while (late.size > 0) await Promise.all([...late]);
    },
  };
}
