// localStorage and sessionStorage that never throw (private mode, disabled storage, quota).
const PREFIX = 'hf_';

function area(session?: boolean): Storage | undefined {
  try {
    return session ? sessionStorage : localStorage;
  } catch {
    return undefined;
  }
}

export function load<T>(key: string, session?: boolean): T | undefined {
  try {
    const v = area(session)?.getItem(PREFIX + key);
    return v ? JSON.parse(v) : undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown, session?: boolean): void {
  try {
    const s = area(session);
    value == null ? s?.removeItem(PREFIX + key) : s?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the in-memory state still works for this page.
  }
}

/** Keys (without prefix) that start with a given stem. */
export function keys(stem: string): string[] {
  const s = area();
  const out: string[] = [];
  try {
    for (let i = 0; s && i < s.length; i++) {
      const k = s.key(i);
      if (k && k.startsWith(PREFIX + stem)) out.push(k.slice(PREFIX.length));
    }
  } catch {
    // ignore
  }
  return out;
}

export const uuid = (): string =>
  crypto.randomUUID
    ? crypto.randomUUID()
    : // Outside secure contexts randomUUID is missing; build a v4 id from getRandomValues.
      '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
      );
