/** An in-memory Web Storage for Node tests of browser modules that keep state in localStorage. */

/** A fresh, empty Storage (stub it in with `vi.stubGlobal('localStorage', memoryStorage())`). */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}
