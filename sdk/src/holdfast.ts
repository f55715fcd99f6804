// The SDK: identity, accounts, sessions, logins, feature adoption, page views, opt-out.
import { Sessions, type Session } from './session.js';
import { load, save, uuid } from './storage.js';
import { Transport } from './transport.js';
import type { Options, Outgoing, Properties } from './types.js';
import { loadWidgets } from './widgets.js';
import type { CancelFlowCallbacks, CancelFlowDefinition, SurveyDefinition, WidgetContext, WidgetHandle } from './widgets-api.js';

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
  private triggers: string[] = [];
  private showing?: WidgetHandle;

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
      surveys: 3000,
      locale: undefined as unknown as string,
      theme: 'auto' as const,
      nonce: undefined as unknown as string,
      ...options,
    });
    o.host = o.host.replace(/\/$/, '');
    let tab = load<string>('tab', true);
    if (!tab) save('tab', (tab = uuid()), true);
    this.t = new Transport(o.host + '/v1/batch', writeKey, 'q_' + tab, o.flushAt, o.flushInterval, o.maxQueue);
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
    if (o.surveys !== false) setTimeout(() => this.check(), o.surveys);
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
    if (this.triggers.includes(event)) this.check(event);
  }

  /** Shows a survey now: the one with this id, or whichever the collector says is due. */
  async survey(id?: string, options: { target?: Element } = {}): Promise<WidgetHandle | null> {
    const r = await this.get<{ survey: SurveyDefinition | null }>(id ? '/v1/surveys/' + encodeURIComponent(id) : '/v1/surveys/next');
    return r.survey ? this.show((w) => w.survey(r.survey!, this.widgetContext(options.target))) : null;
  }

  /** Opens the cancellation flow. onSaved(offer) and onCancel(answers) let the app act on billing. */
  async cancelFlow(callbacks: CancelFlowCallbacks & { target?: Element } = {}): Promise<WidgetHandle | null> {
    const def = await this.get<CancelFlowDefinition>('/v1/cancel-flow');
    return this.show((w) => w.cancelFlow(def, this.widgetContext(callbacks.target), callbacks));
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

  private async check(event?: string): Promise<void> {
    if (this.showing || this.optedOut) return;
    const r = await this.get<{ survey: SurveyDefinition | null; triggers?: string[] }>('/v1/surveys/next', event).catch(() => null);
    if (!r) return;
    this.triggers = r.triggers ?? [];
    if (r.survey && !this.showing) await this.show((w) => w.survey(r.survey!, this.widgetContext()));
  }

  private get<T>(path: string, event?: string): Promise<T> {
    const q = new URLSearchParams({ writeKey: this.t!.writeKey, anonymousId: this.anonymousId });
    const extra = { userId: this.userId, accountId: this.accountId, event };
    for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
    return fetch(`${this.o!.host}${path}?${q}`).then((r) => (r.ok ? r.json() : Promise.reject(Error('holdfast: ' + r.status))));
  }

  private async show(open: (w: Awaited<ReturnType<typeof loadWidgets>>) => WidgetHandle): Promise<WidgetHandle | null> {
    if (this.optedOut) return null;
    this.showing?.close();
    return (this.showing = open(await loadWidgets(this.o!.host, this.o!.nonce)));
  }

  private widgetContext(target?: Element): WidgetContext {
    const o = this.o!;
    return { send: (e, p) => this.track(e, p), locale: o.locale, theme: o.theme, nonce: o.nonce, target, onClose: () => (this.showing = undefined) };
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
