// Monthly MRR movements and the revenue metrics of DESIGN.md section 6, from billing state changes.
// Each account's state at the start and at the end of the month is compared (a net change per month):
// - nothing -> paying: new (or reactivation if it was a paying customer before and had cancelled);
// - paying -> cancelled: churn; paying -> paused: contraction (a paused customer is still a customer, at 0 MRR);
// - paused -> paying: expansion; paying -> paying: expansion or contraction by the difference.

export type Status = 'active' | 'paused' | 'canceled';

export interface Change {
  account_id: string;
  effective_at: number;
  mrr: number;
  status: Status;
}

export interface MonthMetrics {
  month: string;
  mrr_start: number;
  mrr_end: number;
  new_mrr: number;
  expansion_mrr: number;
  contraction_mrr: number;
  churned_mrr: number;
  reactivation_mrr: number;
  customers_start: number;
  customers_end: number;
  new_customers: number;
  reactivated_customers: number;
  churned_customers: number;
  logo_churn_rate: number | null;
  gross_revenue_churn_rate: number | null;
  net_revenue_churn_rate: number | null;
  nrr: number | null;
  grr: number | null;
  customer_retention_rate: number | null;
  arpa: number | null;
  clv: number | null;
}

const money = (x: number) => Math.round(x * 100) / 100;
const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1e6) / 1e6 : null);

/** Start (inclusive) and end (exclusive) of a YYYY-MM month, UTC. */
export function monthBounds(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number);
  return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
}

export function byAccount(changes: Change[]): Map<string, Change[]> {
  const map = new Map<string, Change[]>();
  for (const c of changes) (map.get(c.account_id) ?? map.set(c.account_id, []).get(c.account_id)!).push(c);
  for (const list of map.values()) list.sort((a, b) => a.effective_at - b.effective_at);
  return map;
}

/** The state in force just before time t. */
export function stateAt(list: Change[], t: number): Change | undefined {
  let s: Change | undefined;
  for (const c of list) {
    if (c.effective_at >= t) break;
    s = c;
  }
  return s;
}

const mrrOf = (s?: Change) => (s?.status === 'active' ? s.mrr : 0);
const isCustomer = (s?: Change) => !!s && s.status !== 'canceled' && (s.status === 'paused' || s.mrr > 0);

export function monthMetrics(changes: Change[], month: string): MonthMetrics {
  const [start, end] = monthBounds(month);
  const m = { new_mrr: 0, expansion_mrr: 0, contraction_mrr: 0, churned_mrr: 0, reactivation_mrr: 0 };
  let mrrStart = 0, mrrEnd = 0, custStart = 0, custEnd = 0, newCust = 0, reactivated = 0, churned = 0, paying = 0;
  for (const list of byAccount(changes).values()) {
    const s = stateAt(list, start);
    const e = stateAt(list, end);
    const a = mrrOf(s);
    const b = mrrOf(e);
    const wasCustomer = list.some((c) => c.effective_at < start && isCustomer(c));
    mrrStart += a;
    mrrEnd += b;
    if (b > 0) paying++;
    if (isCustomer(s)) custStart++;
    if (isCustomer(e)) custEnd++;
    if (!isCustomer(s) && isCustomer(e)) wasCustomer ? reactivated++ : newCust++;
    if (isCustomer(s) && !isCustomer(e)) churned++;
    if (a === 0 && b > 0) {
      if (isCustomer(s)) m.expansion_mrr += b; // back from a pause
      else if (wasCustomer) m.reactivation_mrr += b;
      else m.new_mrr += b;
    } else if (a > 0 && b === 0) {
      if (isCustomer(e)) m.contraction_mrr += a; // paused
      else m.churned_mrr += a;
    } else if (b > a) m.expansion_mrr += b - a;
    else if (a > b) m.contraction_mrr += a - b;
  }
  const logo = rate(churned, custStart);
  const arpa = paying ? money(mrrEnd / paying) : null;
  return {
    month,
    mrr_start: money(mrrStart),
    mrr_end: money(mrrEnd),
    new_mrr: money(m.new_mrr),
    expansion_mrr: money(m.expansion_mrr),
    contraction_mrr: money(m.contraction_mrr),
    churned_mrr: money(m.churned_mrr),
    reactivation_mrr: money(m.reactivation_mrr),
    customers_start: custStart,
    customers_end: custEnd,
    new_customers: newCust,
    reactivated_customers: reactivated,
    churned_customers: churned,
    logo_churn_rate: logo,
    gross_revenue_churn_rate: rate(m.churned_mrr + m.contraction_mrr, mrrStart),
    net_revenue_churn_rate: rate(m.churned_mrr + m.contraction_mrr - m.expansion_mrr, mrrStart),
    nrr: rate(mrrStart - m.churned_mrr - m.contraction_mrr + m.expansion_mrr, mrrStart),
    grr: rate(mrrStart - m.churned_mrr - m.contraction_mrr, mrrStart),
    customer_retention_rate: rate(custEnd - newCust - reactivated, custStart),
    arpa,
    clv: arpa !== null && logo ? money(arpa / logo) : null,
  };
}
