// NPS and CSAT: the worked example (60% promoters, 30% detractors = NPS 30), CSAT, trend, by account.
import { describe, expect, it } from 'vitest';
import { csat, nps } from '../../../server/analytics/scores.js';
import { api, buildTestApp, ingest } from '../../helpers/server.js';

const answer = (type: string, score: number, day: string, account: string, comment?: string) => ({
  userId: `u-${account}-${score}-${day}`,
  event: 'Survey Responded',
  timestamp: `${day}T10:00:00.000Z`,
  properties: { survey_id: `${type}-1`, survey_type: type, score, ...(comment ? { comment } : {}) },
  context: { groupId: account },
});

describe('NPS and CSAT', () => {
  it('scores by the definitions', () => {
    expect(nps({ high: 6, low: 3, responses: 10 })).toBe(30);
    expect(nps({ high: 0, low: 4, responses: 4 })).toBe(-100);
    expect(nps({ high: 0, low: 0, responses: 0 })).toBeNull();
    expect(csat({ high: 3, responses: 4 })).toBe(75);
  });

  it('gives NPS 30 for 60% promoters and 30% detractors, with trend, accounts and comments', async () => {
    const t = await buildTestApp();
    const scores = [10, 9, 10, 9, 9, 10, 8, 3, 5, 6]; // 6 promoters, 1 passive, 3 detractors
    await ingest(t, [
      ...scores.slice(0, 5).map((s, i) => answer('nps', s, `2026-02-0${i + 1}`, 'acme', s === 10 ? 'Great' : undefined)),
      ...scores.slice(5).map((s, i) => answer('nps', s, `2026-03-0${i + 1}`, 'beta', s < 7 ? 'Slow exports' : undefined)),
      answer('nps', 0, '2026-05-01', 'beta'), // outside the range
    ]);
    const r = await api(t, '/metrics/nps?from=2026-02-01&to=2026-03-31');
    expect(r).toMatchObject({ score: 30, responses: 10, promoters: 6, passives: 1, detractors: 3 });
    expect(r.trend).toEqual([
      { month: '2026-02', score: 100, responses: 5, promoters: 5, passives: 0, detractors: 0 },
      { month: '2026-03', score: -40, responses: 5, promoters: 1, passives: 1, detractors: 3 },
    ]);
    expect(r.by_account.find((a: { account_id: string }) => a.account_id === 'beta')).toMatchObject({ score: -40, responses: 5 });
    expect(r.latest_comments[0]).toMatchObject({ comment: 'Slow exports', account_id: 'beta' });
    expect((await api(t, '/metrics/nps?from=2026-02-01&to=2026-03-31&account_id=acme')).score).toBe(100);
    expect((await api(t, '/metrics/nps?from=2026-02-01&to=2026-03-31&source=raw')).score).toBe(30);
  });

  it('gives CSAT as the share of 4-5 answers, and null without answers', async () => {
    const t = await buildTestApp();
    await ingest(t, [5, 4, 4, 2, 3].map((s, i) => answer('csat', s, `2026-04-0${i + 1}`, 'acme')));
    expect(await api(t, '/metrics/csat?from=2026-04-01&to=2026-04-30')).toMatchObject({ score: 60, responses: 5, satisfied: 3, neutral: 1, dissatisfied: 1 });
    expect(await api(t, '/metrics/csat?from=2026-06-01&to=2026-06-30')).toMatchObject({ score: null, responses: 0 });
  });
});
