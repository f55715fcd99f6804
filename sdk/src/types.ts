// Public types of the SDK. test/sdk/wire-types.test.ts checks its messages against the collector's schema.
export type Properties = Record<string, unknown>;

export interface Options {
  /** Collector origin, e.g. "https://holdfast.example.com". Defaults to the origin the script came from. */
  host?: string;
  /** Send when this many messages wait (default 20). */
  flushAt?: number;
  /** Send at least this often, in ms (default 3000). */
  flushInterval?: number;
  /** Messages kept for later delivery while offline (default 1000; oldest dropped first). */
  maxQueue?: number;
  /** Inactivity that ends a session, in ms (default 30 minutes). */
  sessionTimeout?: number;
  /** Track a page view on load and on single-page-app navigation (default true). */
  autoPage?: boolean;
  /** Send "Signed In" once per new session for an identified user (default true). */
  trackLogins?: boolean;
  /** Treat a browser's Global Privacy Control signal as an opt-out (default false). */
  respectGPC?: boolean;
  /** Ask the collector whether a survey is due, this long after load (ms, default 3000); false to never ask. */
  surveys?: number | false;
  /** Widget language (BCP 47); defaults to the browser's. */
  locale?: string;
  /** Widget colours: light, dark or auto (follows the system; default). */
  theme?: 'light' | 'dark' | 'auto';
  /** CSP nonce for the widgets' script and style elements. */
  nonce?: string;
}

/** A queued message: the wire format with the ids the SDK always sets. */
export type Outgoing = Record<string, unknown> & { messageId: string; type: string };
