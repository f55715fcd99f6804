// NPS and CSAT: score, distribution, monthly trend, latest comments.
import type { Session } from '../api.js';
import { Chart, ts } from '../ui/chart.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, Stat } from '../ui/widgets.js';

const from = () => new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);

export function Surveys({ session }: { session: Session }) {
  const range = `?from=${from()}`;
  const nps = useApi(session, `/metrics/nps${range}`);
  const csat = useApi(session, `/metrics/csat${range}`);
  if (nps.error || csat.error) return <Failed error={(nps.error ?? csat.error)!} />;
  if (!nps.data || !csat.data) return <Loading />;
  const n = nps.data;
  return (
    <>
      <div class="stats">
        <Stat label="NPS (12 months)" value={fmt.num(n.score, 0)} testId="nps" hint={`${n.responses} answers`} />
        <Stat label="Promoters / passives / detractors" value={`${n.promoters} / ${n.passives} / ${n.detractors}`} testId="nps-split" />
        <Stat label="CSAT" value={csat.data.score == null ? '—' : `${fmt.num(csat.data.score, 0)}%`} testId="csat" hint={`${csat.data.responses} answers`} />
      </div>
      <Card title="NPS by month">
        {n.trend.length ? <Chart x={n.trend.map((t: any) => ts(t.month))} series={[{ label: 'NPS', values: n.trend.map((t: any) => t.score), color: '#2b8a3e', bars: true }]} height={180} /> : <p class="muted">No answers yet.</p>}
      </Card>
      <Card title="Latest comments">
        {n.latest_comments.length ? <ul class="comments">{n.latest_comments.map((c: any, i: number) => <li key={i}><span class="score">{c.score}</span> {c.comment} <span class="muted">— {c.account_id || c.user_key}, {c.timestamp.slice(0, 10)}</span></li>)}</ul> : <p class="muted">No comments.</p>}
      </Card>
    </>
  );
}
