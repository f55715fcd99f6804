// Revenue: MRR movements by month, NRR, GRR, logo and revenue churn.
import type { Session } from '../api.js';
import { Chart, ts } from '../ui/chart.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, Stat } from '../ui/widgets.js';

export function Revenue({ session }: { session: Session }) {
  const { data, error } = useApi(session, '/metrics/revenue?months=6');
  if (error) return <Failed error={error} />;
  if (!data) return <Loading />;
  const s = data.series ?? [data];
  return (
    <>
      <div class="stats">
        <Stat label={`MRR (${data.currency ?? ''})`} value={fmt.money(data.mrr_end)} testId="mrr" hint={data.month} />
        <Stat label="NRR" value={fmt.pct(data.nrr)} testId="nrr" />
        <Stat label="GRR" value={fmt.pct(data.grr)} testId="grr" />
        <Stat label="Logo churn" value={fmt.pct(data.logo_churn_rate)} testId="logo-churn" />
      </div>
      <Card title="MRR movements by month">
        <Chart
          x={s.map((m: any) => ts(m.month))}
          series={[
            { label: 'New', values: s.map((m: any) => m.new_mrr), color: '#2b8a3e', bars: true },
            { label: 'Expansion', values: s.map((m: any) => m.expansion_mrr), color: '#1c7ed6', bars: true },
            { label: 'Contraction', values: s.map((m: any) => -m.contraction_mrr), color: '#f08c00', bars: true },
            { label: 'Churn', values: s.map((m: any) => -m.churned_mrr), color: '#e03131', bars: true },
          ]}
        />
      </Card>
      <Card title="By month">
        <div class="scroll">
          <table data-testid="revenue">
            <thead><tr><th>Month</th><th>MRR start</th><th>MRR end</th><th>New</th><th>Expansion</th><th>Contraction</th><th>Churned</th><th>Logo churn</th><th>Revenue churn (net)</th><th>NRR</th></tr></thead>
            <tbody>{s.map((m: any) => <tr key={m.month}><td>{m.month}</td><td class="num">{fmt.money(m.mrr_start)}</td><td class="num">{fmt.money(m.mrr_end)}</td><td class="num">{fmt.money(m.new_mrr)}</td><td class="num">{fmt.money(m.expansion_mrr)}</td><td class="num">{fmt.money(m.contraction_mrr)}</td><td class="num">{fmt.money(m.churned_mrr)}</td><td class="num">{fmt.pct(m.logo_churn_rate)}</td><td class="num">{fmt.pct(m.net_revenue_churn_rate)}</td><td class="num">{fmt.pct(m.nrr)}</td></tr>)}</tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
