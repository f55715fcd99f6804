// Feature adoption among active accounts.
import type { Session } from '../api.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading } from '../ui/widgets.js';

export function Features({ session }: { session: Session }) {
  const { data, error } = useApi(session, '/metrics/features');
  if (error) return <Failed error={error} />;
  if (!data) return <Loading />;
  return (
    <Card title={`Feature adoption (${data.active_accounts} active accounts)`}>
      <div class="scroll">
        <table data-testid="features">
          <thead><tr><th>Feature</th><th>Adoption</th><th>Accounts</th><th>Users</th><th>Uses</th><th>Last used</th></tr></thead>
          <tbody>
            {data.features.map((f: any) => (
              <tr key={f.feature} data-feature={f.feature}>
                <td>{f.feature}{f.core ? ' ★' : ''}</td>
                <td class="num"><span class="bar" style={`--w:${Math.round((f.adoption_rate ?? 0) * 100)}%`} />{fmt.pct(f.adoption_rate, 0)}</td>
                <td class="num">{fmt.int(f.accounts)}</td>
                <td class="num">{fmt.int(f.users)}</td>
                <td class="num">{fmt.int(f.uses)}</td>
                <td>{f.last_used?.slice(0, 10) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
