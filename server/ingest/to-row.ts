// One validated Segment message to one events row: clock-skew correction, account attribution, enrichment.
import { randomUUID } from 'node:crypto';
import type { Message } from '../schema/message.js';
import { parseUserAgent } from './user-agent.js';

export interface RequestInfo {
  projectId: string;
  receivedAt: number;
  /** receivedAt formatted once per request. */
  receivedAtText?: string;
  /** Envelope fields of a batch, applied to each message. */
  sentAt?: string;
  context?: Record<string, unknown>;
  userAgentHeader?: string;
  /** The connection's IP, stored only when the project opted in (storeIp). */
  ip?: string;
  storeIp?: boolean;
}

export interface EventRow {
  project_id: string;
  message_id: string;
  type: string;
  event: string;
  name: string;
  user_id: string;
  anonymous_id: string;
  account_id: string;
  timestamp: string;
  original_timestamp: string;
  sent_at: string | null;
  received_at: string;
  // Objects here, String columns in ClickHouse: JSON input reads a nested object into a String column as its
  // JSON text (input_format_json_read_objects_as_strings), which spares a second, escaping stringify per row.
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  page_url: string;
  page_path: string;
  referrer: string;
  browser: string;
  browser_version: string;
  os: string;
  os_version: string;
  device_type: string;
  locale: string;
  library_name: string;
  library_version: string;
  ip: string;
  session_id: string;
}

/** PostHog's rule: a corrected time more than 23 hours ahead is a broken clock, so the receive time is used. */
const MAX_FUTURE_MS = 23 * 3600 * 1000;

// ClickHouse's JSON input reads 'YYYY-MM-DD hh:mm:ss.sss' (UTC) without extra settings.
export const chTime = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
/** The inverse: a DateTime64 as ClickHouse prints it (UTC), to epoch ms. */
export const fromChTime = (t: string) => Date.parse(t.replace(' ', 'T') + 'Z');

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);

/** Segment's correction: timestamp + (receivedAt - sentAt). */
export function correctedTime(m: Message, info: RequestInfo): { original: number; corrected: number; sentAt: number | null } {
  const ts = m.timestamp ?? m.originalTimestamp;
  const original = ts ? Date.parse(ts) : info.receivedAt;
  const sentRaw = m.sentAt ?? info.sentAt;
  const sentAt = sentRaw ? Date.parse(sentRaw) : null;
  let corrected = ts && sentAt !== null ? original + (info.receivedAt - sentAt) : original;
  if (corrected > info.receivedAt + MAX_FUTURE_MS) corrected = info.receivedAt;
  return { original, corrected, sentAt };
}

export function toRow(m: Message, info: RequestInfo): EventRow {
  const { original, corrected, sentAt } = correctedTime(m, info);
  const context: Record<string, unknown> = { ...info.context, ...m.context };
  // The raw IP is not stored unless the project opted in; a client-given context.ip wins over the connection's.
  const ip = info.storeIp ? str(context.ip) || (info.ip ?? '') : '';
  delete context.ip;
  const page = obj(context.page) ?? {};
  const library = obj(context.library) ?? {};
  const props = 'properties' in m ? (m.properties ?? {}) : m.type === 'alias' ? { previous_id: m.previousId } : {};
  const traits = 'traits' in m ? (m.traits ?? {}) : (obj(context.traits) ?? {});
  const isPage = m.type === 'page';
  const ua = parseUserAgent(str(context.userAgent) || info.userAgentHeader);
  return {
    project_id: info.projectId,
    message_id: m.messageId ?? `api-${randomUUID()}`,
    type: m.type,
    event: m.type === 'track' ? m.event : '',
    name: m.type === 'page' || m.type === 'screen' ? (m.name ?? '') : '',
    user_id: str(m.userId),
    anonymous_id: str(m.anonymousId),
    account_id: m.type === 'group' ? m.groupId : str(context.groupId),
    timestamp: chTime(corrected),
    original_timestamp: chTime(original),
    sent_at: sentAt === null ? null : chTime(sentAt),
    received_at: info.receivedAtText ?? chTime(info.receivedAt),
    properties: props,
    traits,
    context,
    page_url: str((isPage && (props as Record<string, unknown>).url) || page.url),
    page_path: str((isPage && (props as Record<string, unknown>).path) || page.path),
    referrer: str((isPage && (props as Record<string, unknown>).referrer) || page.referrer),
    ...ua,
    locale: str(context.locale),
    library_name: str(library.name),
    library_version: str(library.version),
    ip,
    session_id: str(context.sessionId),
  };
}
