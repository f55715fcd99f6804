// The SDK: identity, accounts, sessions, logins, feature adoption, page views, opt-out.
import { Sessions, type Session } from './session.js';
import { load, save, uuid } from './storage.js';
import { Transport } from './transport.js';
import type { Options, Outgoing, Properties } from './types.js';

declare const __VERSION__: string;

type Call = [string, unknown[]];

export class Holdfast {
  private t?: Transport;
  private o: Required<Options> | undefined;
  private sessions?: Sessions;
  private waiting: Call[] = [];
  private readyCbs: (() => void)[] = [];
  private path?: string;
  private lastTouch = 0;
  private ac = new AbortController();

  /** Starts the SDK. Calls made before init are kept and run after it. */
  init(writeKey: string, options: Options = {}): void {
    if (this.o) return;
    const o = (this.o = {
      host: '',
      flushAt: 20,
      flushInterval: 3000,
      maxQueue: 1000,
      sessionTimeout: 1_800_000,
      autoPage: true,
      trackLogins: true,
      respectGPC: false,
      ...options,
    });
    let tab = load<string>('tab', true);
    if (!tab) save('tab', (tab = uuid()), true);
    this.t = new Transport(o.host.replace(/\/$/, '') + '/v1/batch', writeKey, 'q_' + tab, o.flushAt, o.flushInterval, o.maxQueue);
    this.sessions = new Sessions(o.sessionTimeout, (ended, started) => this.sessionChange(ended, started));
    const signal = this.ac.signal;
    const on = (e: string, f: () => void) => addEventListener(e, f, { passive: true, capture: true, signal });
    // Page exit: remember the activity (the session's end time) and hand the queue to sendBeacon.
    on('pagehide', () => this.exit());
    document.addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && this.exit(), { signal });
    on('online', () => this.flush());
    for (const e of ['click', 'keydown', 'scroll']) on(e, () => this.activity());
    if (o.autoPage) {
      this.page();
      const h = history;
      for (const m of ['pushState', 'replaceState'] as const) {
        const orig = h[m];
        h[m] = function (this: History, ...args: Parameters<History['pushState']>) {
          orig.apply(this, args);
          dispatchEvent(new Event('hf:nav'));
        };
      }
      on('popstate', () => this.navigated());
      on('hf:nav', () => this.navigated());
    }
    for (const [m, args] of this.waiting.splice(0)) (this as any)[m](...args);
    for (const cb of this.readyCbs.splice(0)) cb();
  }

  identify(userId?: string | null, traits?: Properties): void {
    if (this.defer('identify', arguments)) return;
    if (userId) save('u', String(userId));
    this.send({ type: 'identify', traits });
  }

  /** The B2B account of the user: later messages carry it as context.groupId. */
  group(accountId: string, traits?: Properties): void {
    if (this.defer('group', arguments)) return;
    save('g', String(accountId));
    this.send({ type: 'group', groupId: String(accountId), traits });
  }

  track(event: string, properties?: Properties): void {
    if (this.defer('track', arguments)) return;
    this.send({ type: 'track', event, properties });
  }

  page(name?: string, properties?: Properties): void {
    if (this.defer('page', arguments)) return;
    this.path = location.pathname + location.search;
    this.send({ type: 'page', name, properties: { url: location.href, path: location.pathname, search: location.search, title: document.title, referrer: document.referrer, ...properties } });
  }

  login(properties?: Properties): void {
    this.track('Signed In', properties);
  }

  feature(name: string, properties?: Properties): void {
    this.track('Feature Used', { ...properties, feature: name });
  }

  /** Logout: ends the session and forgets the user and account; a new anonymous id follows. */
  reset(): void {
    if (this.defer('reset', arguments)) return;
    this.sessions!.end();
    for (const k of ['u', 'g', 'a']) save(k, null);
  }

  optOut(): void {
    save('o', 1);
    if (this.t) this.t.q.length = 0;
  }

  optIn(): void {
    save('o', null);
  }

  /** Sends what is queued now. */
  flush(): Promise<void> {
    return this.t ? this.t.flush() : Promise.resolve();
  }

  /** Stops listening and sending (single-page apps that tear the SDK down; tests). Queued messages stay stored. */
  shutdown(): void {
    this.ac.abort();
    this.t?.stop();
    this.sessions?.stop();
  }

  ready(cb: () => void): void {
    this.o ? cb() : this.readyCbs.push(cb);
  }

  get anonymousId(): string {
    let a = load<string>('a');
    if (!a) save('a', (a = uuid()));
    return a;
  }

  get userId(): string | undefined {
    return load<string>('u');
  }

  get accountId(): string | undefined {
    return load<string>('g');
  }

  private get optedOut(): boolean {
    return !!load('o') || (this.o!.respectGPC && !!(navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl);
  }

  private defer(m: string, args: IArguments): boolean {
    if (!this.o) this.waiting.push([m, [...args]]);
    return !this.o;
  }

  private send(m: Partial<Outgoing> & { type: string }): void {
    if (this.optedOut) return;
    // Touching first: an expired session's end and the new session's start go out before this message.
    this.t!.push(this.message(m, undefined, this.sessions!.touch().id));
  }

  private message(m: Partial<Outgoing> & { type: string }, at = Date.now(), sessionId?: string): Outgoing {
    const userId = this.userId;
    return {
      ...m,
      messageId: uuid(),
      timestamp: new Date(at).toISOString(),
      anonymousId: this.anonymousId,
      ...(userId && { userId }),
      context: {
        groupId: this.accountId,
        sessionId,
        page: { path: location.pathname, url: location.href, referrer: document.referrer, title: document.title },
        userAgent: navigator.userAgent,
        locale: navigator.language,
        library: { name: 'holdfast.js', version: __VERSION__ },
      },
    };
  }

  private sessionChange(ended?: Session, started?: Session): void {
    if (this.optedOut) return;
    if (ended) this.t!.push(this.message({ type: 'track', event: 'Session Ended', properties: { session_id: ended.id, duration_ms: ended.l - ended.s } }, ended.l, ended.id));
    if (started) {
      this.t!.push(this.message({ type: 'track', event: 'Session Started', properties: { session_id: started.id } }, started.s, started.id));
      if (this.userId && this.o!.trackLogins) this.t!.push(this.message({ type: 'track', event: 'Signed In', properties: { session_start: true } }, started.s, started.id));
    }
  }

  private activity(): void {
    // Interactions keep the session alive; recording one every few seconds is enough.
    if (Date.now() - this.lastTouch > 5000 && !this.optedOut) {
      this.lastTouch = Date.now();
      this.sessions!.touch();
    }
  }

  private navigated(): void {
    if (location.pathname + location.search != this.path) this.page();
  }

  private exit(): void {
    const s = load<Session>('s');
    if (s) save('s', { ...s, l: Date.now() });
    this.t!.beacon();
  }
}
