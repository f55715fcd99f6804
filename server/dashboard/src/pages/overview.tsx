// Overview: MAU, DAU/MAU and its trend, the stickiness histogram.
import type { Session } from '../api.js';
import { Chart, ts } from '../ui/chart.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, Stat } from '../ui/widgets.js';

export function Overview({ session }: { session: Session }) {
  const { data, error } = useApi(session, '/metrics/stickiness');
  if (error) return <Failed error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <div class="stats">
        <Stat label="Monthly active users" value={fmt.int(data.mau)} testId="mau" />
        <Stat label="Mean daily active users" value={fmt.num(data.mean_dau)} testId="mean-dau" />
        <Stat label="Stickiness (DAU/MAU)" value={fmt.pct(data.dau_mau)} testId="dau-mau" hint={`${data.from} – ${data.to}`} />
      </div>
      <Card title="Daily active users">
        <Chart x={data.daily.map((d: { day: string }) => ts(d.day))} series={[{ label: 'DAU', values: data.daily.map((d: { dau: number }) => d.dau), color: '#3b5bdb' }]} />
      </Card>
      <Card title="Users by number of active days">
        <table>
          <thead><tr><th>Active days</th><th>Users</th></tr></thead>
          <tbody>{data.histogram.map((h: { days: number; users: number }) => <tr key={h.days}><td>{h.days}</td><td>{fmt.int(h.users)}</td></tr>)}</tbody>
        </table>
      </Card>
    </>
  );
}
