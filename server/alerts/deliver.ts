// Posts alerts to webhooks: signed with HMAC-SHA256, retried with exponential back-off and jitter on
// network errors, 5xx and 429, given up after a few attempts (logged).
import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AlertRule } from '../schema/alerts.js';

export interface Alert {
  rule: AlertRule;
  /** Stable id of what happened: the receiver can deduplicate with it too. */
  id: string;
  payload: Record<string, unknown>;
  text: string;
}

export const sign = (secret: string, timestamp: string, body: string) => 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export class Deliverer {
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly opts = { attempts: 5, baseDelayMs: 500, timeoutMs: 10_000 },
  ) {}

  send(alert: Alert): void {
    const p = this.deliver(alert).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for every delivery in flight (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async deliver(a: Alert): Promise<void> {
    const body = JSON.stringify(a.rule.format === 'slack' ? { text: a.text } : { id: a.id, rule: a.rule.id, ...a.payload });
    for (let attempt = 1; attempt <= this.opts.attempts; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Holdfast-Alerts', 'x-holdfast-alert-id': a.id, 'x-holdfast-timestamp': timestamp };
      if (a.rule.secret) headers['x-holdfast-signature'] = sign(a.rule.secret, timestamp, body);
      let status = 0;
      try {
        const res = await fetch(a.rule.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.opts.timeoutMs) });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch {
        // network error: retried
      }
      if (status >= 200 && status < 300) return;
      if (status && status < 500 && status !== 429) {
        this.log.warn({ rule: a.rule.id, status }, 'alert refused by its webhook; not retried');
        return;
      }
      if (attempt < this.opts.attempts) await new Promise((r) => setTimeout(r, this.opts.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)));
    }
    this.log.error({ rule: a.rule.id, alert: a.id }, 'alert not delivered after retries');
  }
}
