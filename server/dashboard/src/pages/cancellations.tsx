// Cancellations: funnel, reasons, offers, save rate against the holdout.
import type { Session } from '../api.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, Stat } from '../ui/widgets.js';

const from = () => new Date(Date.now() - 179 * 86_400_000).toISOString().slice(0, 10);
const STEPS = [['started', 'Started'], ['reason_selected', 'Reason chosen'], ['offer_shown', 'Offer shown'], ['accepted', 'Accepted'], ['declined', 'Declined'], ['completed', 'Cancelled']] as const;

export function Cancellations({ session }: { session: Session }) {
  const { data, error } = useApi(session, `/metrics/cancellations?from=${from()}`);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading />;
  const h = data.holdout;
  return (
    <>
      <div class="stats">
        <Stat label="Save rate" value={fmt.pct(data.save_rate, 0)} testId="save-rate" hint={`${data.saves} saves of ${h.treated_flows} flows with offers`} />
        <Stat label="Saved MRR" value={fmt.money(data.saved_mrr)} testId="saved-mrr" />
        <Stat label="Lift over holdout" value={h.lift == null ? '—' : fmt.pct(h.lift, 0)} hint={h.ci95 ? `95% CI ${fmt.pct(h.ci95[0], 0)} … ${fmt.pct(h.ci95[1], 0)}` : `${h.flows} holdout flows`} />
        <Stat label="Pending (under 30 days)" value={fmt.int(data.pending_flows)} />
      </div>
      <Card title="Funnel (last 6 months)">
        <table data-testid="funnel"><tbody>{STEPS.map(([k, label]) => <tr key={k}><td>{label}</td><td class="num">{fmt.int(data.funnel[k])}</td></tr>)}</tbody></table>
      </Card>
      <Card title="By reason">
        <table><thead><tr><th>Reason</th><th>Flows</th><th>Saves</th><th>Save rate</th></tr></thead><tbody>{data.by_reason.map((r: any) => <tr key={r.reason}><td>{r.reason}</td><td class="num">{r.flows}</td><td class="num">{r.saves}</td><td class="num">{fmt.pct(r.save_rate, 0)}</td></tr>)}</tbody></table>
      </Card>
      <Card title="By offer">
        <table><thead><tr><th>Offer</th><th>Shown</th><th>Saves</th><th>Save rate</th></tr></thead><tbody>{data.by_offer.map((r: any) => <tr key={r.offer}><td>{r.offer}</td><td class="num">{r.flows}</td><td class="num">{r.saves}</td><td class="num">{fmt.pct(r.save_rate, 0)}</td></tr>)}</tbody></table>
      </Card>
    </>
  );
}
