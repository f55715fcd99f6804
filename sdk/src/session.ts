// Sessions shared by every tab of the site: one record in localStorage, ended by inactivity. The end is sent
// with the time of the last activity (page exit included), by the first tab that sees the session expired.
import { load, save, uuid } from './storage.js';

export interface Session {
  id: string;
  /** start and last activity, ms since epoch */
  s: number;
  l: number;
}

export type SessionChange = (ended: Session | undefined, started: Session | undefined) => void;

export class Sessions {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private timeout: number,
    private onChange: SessionChange,
  ) {}

  /** Records activity now; ends an expired session and starts a new one. Returns the current session. */
  touch(): Session {
    const now = Date.now();
    let cur = load<Session>('s');
    if (!cur || now - cur.l > this.timeout) {
      const old = cur;
      cur = { id: uuid(), s: now, l: now };
      save('s', cur);
      this.onChange(old, cur);
    } else {
      cur.l = now;
      save('s', cur);
    }
    this.arm();
    return cur;
  }

  /** Ends the session if no tab has touched it within the timeout. */
  check(): void {
    const cur = load<Session>('s');
    if (cur && Date.now() - cur.l > this.timeout) {
      save('s', null);
      this.onChange(cur, undefined);
    } else if (cur) this.arm();
  }

  /** Logout: end the session now. */
  end(): void {
    const cur = load<Session>('s');
    save('s', null);
    if (cur) this.onChange({ ...cur, l: Date.now() }, undefined);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.timeout + 1000);
  }
}
