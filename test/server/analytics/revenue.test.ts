// Revenue metrics against hand-computed expectations, including the worked examples of DESIGN.md section 6.
import { describe, expect, it } from 'vitest';
import { monthMetrics, type Change } from '../../../server/analytics/revenue.js';

const at = (d: string) => Date.parse(d);
const active = (account_id: string, mrr: number, date = '2026-01-15') => ({ account_id, mrr, status: 'active' as const, effective_at: at(date) });
const cancel = (account_id: string, date: string) => ({ account_id, mrr: 0, status: 'canceled' as const, effective_at: at(date) });

describe('revenue metrics', () => {
  it('100 customers, 2 leave: 2% logo churn; paying 10k of 50k MRR: 20% revenue churn', () => {
    const changes: Change[] = [];
    for (let i = 0; i < 100; i++) changes.push(active(`a${i}`, i < 2 ? 5000 : 40000 / 98));
    changes.push(cancel('a0', '2026-03-10'), cancel('a1', '2026-03-20'));
    const m = monthMetrics(changes, '2026-03');
    expect(m.customers_start).toBe(100);
    expect(m.churned_customers).toBe(2);
    expect(m.logo_churn_rate).toBe(0.02);
    expect(m.mrr_start).toBe(50000);
    expect(m.churned_mrr).toBe(10000);
    expect(m.gross_revenue_churn_rate).toBe(0.2);
    expect(m.grr).toBe(0.8);
    expect(m.customer_retention_rate).toBe(0.98);
  });

  it('200 customers, 20 leave: 10% logo churn', () => {
    const changes: Change[] = [];
    for (let i = 0; i < 200; i++) changes.push(active(`a${i}`, 100));
    for (let i = 0; i < 20; i++) changes.push(cancel(`a${i}`, '2026-02-05'));
    expect(monthMetrics(changes, '2026-02').logo_churn_rate).toBe(0.1);
  });

  it('MRR 17,000 -> 14,600 with no new business: 14.12% net revenue churn', () => {
    const changes: Change[] = [active('big', 10000), active('mid', 5000), active('small', 2000)];
    changes.push(cancel('small', '2026-04-02'), { ...active('big', 9600, '2026-04-10') });
    const m = monthMetrics(changes, '2026-04');
    expect(m.mrr_start).toBe(17000);
    expect(m.mrr_end).toBe(14600);
    expect(m.new_mrr).toBe(0);
    expect(m.net_revenue_churn_rate).toBeCloseTo(0.1412, 4);
    expect(m.nrr).toBeCloseTo(14600 / 17000, 6);
  });

  it('classifies new, expansion, contraction, pause, churn and reactivation, netting mid-month changes', () => {
    const changes: Change[] = [
      active('grows', 100), active('grows', 150, '2026-05-10'),
      active('shrinks', 100), active('shrinks', 60, '2026-05-10'),
      active('pauses', 80), { account_id: 'pauses', mrr: 80, status: 'paused', effective_at: at('2026-05-03') },
      active('returns', 50), cancel('returns', '2026-02-01'), active('returns', 70, '2026-05-20'),
      active('fresh', 40, '2026-05-12'),
      active('flip', 30), cancel('flip', '2026-05-05'), active('flip', 30, '2026-05-25'), // net: no movement
      active('gone', 90), cancel('gone', '2026-05-31T23:00:00Z'),
    ];
    const m = monthMetrics(changes, '2026-05');
    expect(m).toMatchObject({
      mrr_start: 100 + 100 + 80 + 30 + 90,
      mrr_end: 150 + 60 + 0 + 70 + 40 + 30,
      new_mrr: 40,
      expansion_mrr: 50,
      contraction_mrr: 40 + 80,
      churned_mrr: 90,
      reactivation_mrr: 70,
      customers_start: 5,
      customers_end: 7 - 1, // grows, shrinks, pauses (paused is still a customer), returns, fresh, flip
      new_customers: 1,
      reactivated_customers: 1,
      churned_customers: 1,
    });
    expect(m.customer_retention_rate).toBe(0.8); // (6 - 1 new - 1 reactivated) / 5
    expect(m.arpa).toBe(Math.round((350 / 5) * 100) / 100);
    expect(m.clv).toBe(Math.round((70 / 0.2) * 100) / 100);
  });

  it('answers null rates, not division errors, for an empty month or no customers at the start', () => {
    const empty = monthMetrics([], '2026-06');
    expect(empty).toMatchObject({ mrr_start: 0, customers_start: 0, logo_churn_rate: null, gross_revenue_churn_rate: null, nrr: null, grr: null, arpa: null, clv: null });
    const firstMonth = monthMetrics([active('a', 100, '2026-06-10')], '2026-06');
    expect(firstMonth).toMatchObject({ new_mrr: 100, new_customers: 1, logo_churn_rate: null, net_revenue_churn_rate: null, arpa: 100, clv: null });
  });
});
