// Small presentational pieces: stat tiles, loading and error states, formatting.
import type { ComponentChildren } from 'preact';

export const fmt = {
  int: (n: number | null | undefined) => (n == null ? '—' : Math.round(n).toLocaleString('en-US')),
  pct: (n: number | null | undefined, digits = 1) => (n == null ? '—' : `${(n * 100).toFixed(digits)}%`),
  num: (n: number | null | undefined, digits = 1) => (n == null ? '—' : n.toFixed(digits)),
  money: (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 0 })),
};

export function Stat({ label, value, hint, testId }: { label: string; value: ComponentChildren; hint?: string; testId?: string }) {
  return (
    <div class="stat" data-testid={testId}>
      <div class="stat-label">{label}</div>
      <div class="stat-value">{value}</div>
      {hint && <div class="stat-hint">{hint}</div>}
    </div>
  );
}

export function Card({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export const Loading = () => <p class="muted">Loading…</p>;
export const Failed = ({ error }: { error: Error }) => <p class="error" role="alert">{error.message}</p>;
export const TIER_LABEL: Record<string, string> = { healthy: 'Healthy', needs_attention: 'Needs attention', at_risk: 'At risk', critical: 'Critical' };
