// One account: the score explained (each component's contribution), its signals with evidence, its history.
import type { Session } from '../api.js';
import { Chart, ts } from '../ui/chart.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, Stat, TIER_LABEL } from '../ui/widgets.js';

export function Account({ session, id }: { session: Session; id: string }) {
  const { data: a, error } = useApi(session, `/accounts/${encodeURIComponent(id)}`);
  if (error) return <Failed error={error} />;
  if (!a) return <Loading />;
  return (
    <>
      <p><a href="#/accounts">← Accounts</a></p>
      <h1>{a.name ?? a.account_id}</h1>
      <div class="stats">
        <Stat label="Health" value={fmt.num(a.health)} testId="health" hint={TIER_LABEL[a.tier]} />
        <Stat label="MRR" value={fmt.money(a.mrr)} />
        <Stat label="Lifecycle" value={a.lifecycle.stage.replace(/_/g, ' ')} />
        <Stat label="Intervention" value={<span class="small">{a.intervention}</span>} />
      </div>
      <Card title="Why this score">
        <table>
          <thead><tr><th>Component</th><th>Score</th><th>Weight</th><th>Contribution</th></tr></thead>
          <tbody>
            {a.components.map((c: any) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td class="num">{c.missing ? 'no data' : fmt.num(c.score)}</td>
                <td class="num">{fmt.pct(c.effective_weight, 0)}</td>
                <td class="num">{fmt.num(c.contribution)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {a.missing_components.length > 0 && <p class="muted">Missing data, re-weighted: {a.missing_components.join(', ')}</p>}
      </Card>
      <Card title="Signals">
        {a.signals.length ? <ul>{a.signals.map((s: any) => <li key={s.type}><strong>{s.type.replace(/_/g, ' ')}</strong>: {s.message}</li>)}</ul> : <p class="muted">None.</p>}
      </Card>
      <Card title="Score history">
        {a.history.length > 1 ? <Chart x={a.history.map((h: any) => ts(h.day))} series={[{ label: 'Health', values: a.history.map((h: any) => h.score), color: '#0b7285' }]} height={180} /> : <p class="muted">Snapshots accumulate daily.</p>}
      </Card>
    </>
  );
}
