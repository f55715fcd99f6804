// Message-to-row mapping: skew correction limits, account attribution, IPs.
import { describe, expect, it } from 'vitest';
import { chTime, correctedTime, toRow } from '../../../server/ingest/to-row.js';

const base = { projectId: 'p', receivedAt: Date.parse('2026-11-20T12:00:00.000Z') };

describe('toRow', () => {
  it('uses the receive time when the message has no timestamp', () => {
    const row = toRow({ type: 'track', event: 'x', userId: 'u' }, base);
    expect(row.timestamp).toBe('2026-11-20 12:00:00.000');
    expect(row.message_id).toMatch(/^api-[0-9a-f-]{36}$/);
  });

  it('keeps the timestamp when there is no sentAt to correct it with', () => {
    const { corrected } = correctedTime({ type: 'track', event: 'x', userId: 'u', timestamp: '2026-11-20T11:00:00Z' }, base);
    expect(chTime(corrected)).toBe('2026-11-20 11:00:00.000');
  });

  it('takes sentAt from the batch envelope', () => {
    const { corrected } = correctedTime(
      { type: 'track', event: 'x', userId: 'u', timestamp: '2026-11-20T11:00:00Z' },
      { ...base, sentAt: '2026-11-20T11:30:00Z' },
    );
    // The client clock is 30 minutes slow.
    expect(chTime(corrected)).toBe('2026-11-20 11:30:00.000');
  });

  it('replaces a time more than 23 hours in the future with the receive time', () => {
    const row = toRow({ type: 'track', event: 'x', userId: 'u', timestamp: '2027-01-01T00:00:00Z' }, base);
    expect(row.timestamp).toBe('2026-11-20 12:00:00.000');
    expect(row.original_timestamp).toBe('2027-01-01 00:00:00.000');
  });

  it('attributes a message to an account from context.groupId, or from a group call', () => {
    expect(toRow({ type: 'track', event: 'x', userId: 'u', context: { groupId: 'acme' } }, base).account_id).toBe('acme');
    expect(toRow({ type: 'track', event: 'x', userId: 'u' }, { ...base, context: { groupId: 'env' } }).account_id).toBe('env');
    expect(toRow({ type: 'group', groupId: 'g1', userId: 'u' }, base).account_id).toBe('g1');
  });

  it('stores no IP unless the project opted in, and then prefers the client-given one', () => {
    const given = { type: 'track' as const, event: 'x', userId: 'u', context: { ip: '198.51.100.4' } };
    const row = toRow(given, { ...base, ip: '203.0.113.7' });
    expect(row.context).toEqual({});
    expect(row.ip).toBe('');
    expect(toRow(given, { ...base, ip: '203.0.113.7', storeIp: true }).ip).toBe('198.51.100.4');
    expect(toRow({ type: 'track', event: 'x', userId: 'u' }, { ...base, ip: '203.0.113.7', storeIp: true }).ip).toBe('203.0.113.7');
  });
});
