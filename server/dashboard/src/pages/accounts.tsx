// Accounts at risk: a sortable table; a row opens the account's detail.
import { useState } from 'preact/hooks';
import type { Session } from '../api.js';
import { useApi } from '../ui/use-api.js';
import { Card, Failed, fmt, Loading, TIER_LABEL } from '../ui/widgets.js';

const SORTS = [['health', 'Health'], ['mrr', 'MRR'], ['drop', 'Usage change']] as const;

export function Accounts({ session }: { session: Session }) {
  const [sort, setSort] = useState<string>('health');
  const { data, error } = useApi(session, `/accounts?sort=${sort}&limit=100`);
  return (
    <Card title="Accounts">
      <div class="toolbar" role="group" aria-label="Sort by">
        {SORTS.map(([k, label]) => (
          <button key={k} class={sort === k ? 'on' : ''} aria-pressed={sort === k} onClick={() => setSort(k)}>{label}</button>
        ))}
      </div>
      {error ? <Failed error={error} /> : !data ? <Loading /> : (
        <div class="scroll">
          <table data-testid="accounts">
            <thead><tr><th>Account</th><th>Health</th><th>Tier</th><th>MRR</th><th>Usage change</th><th>Signals</th><th>Intervention</th></tr></thead>
            <tbody>
              {data.accounts.map((a: any) => (
                <tr key={a.account_id} data-account={a.account_id}>
                  <td><a href={`#/accounts/${encodeURIComponent(a.account_id)}`}>{a.name ?? a.account_id}</a></td>
                  <td class="num">{fmt.num(a.health)}</td>
                  <td><span class={`tier tier-${a.tier}`}>{TIER_LABEL[a.tier]}</span></td>
                  <td class="num">{fmt.money(a.mrr)}</td>
                  <td class="num">{fmt.pct(a.activity.events_change, 0)}</td>
                  <td>{a.signals.map((s: any) => s.type.replace(/_/g, ' ')).join(', ') || '—'}</td>
                  <td>{a.intervention}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
