// Alert playbooks: account transitions are checked whenever health is snapshotted; event alerts as events
// are accepted. Deliveries are signed and retried (alerts/deliver.ts).
import fp from 'fastify-plugin';
import type { AccountView } from '../analytics/accounts.js';
import { accountAlerts, eventAlerts } from '../alerts/evaluate.js';
import { Deliverer } from '../alerts/deliver.js';
import type { EventRow } from '../ingest/to-row.js';
import type { Project } from '../schema/project.js';
import { loadAlertState, saveAlertState } from '../store/queries/alert-state.js';

export interface AlertsApi {
  deliverer: Deliverer;
  /** Fires the account alerts of a project whose state changed since the last check. */
  checkAccounts(project: Project, day: string, views: AccountView[]): Promise<number>;
  /** Fires event alerts for rows just accepted. */
  onRows(project: Project, rows: EventRow[]): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    alerts: AlertsApi;
  }
}

export default fp(
  async (app) => {
    const deliverer = new Deliverer(app.log.child({ component: 'alerts' }));
    const api: AlertsApi = {
      deliverer,
      async checkAccounts(project, day, views) {
        let fired = 0;
        for (const rule of project.alerts.filter((r) => r.on === 'tier_entered' || r.on === 'signal')) {
          const prev = await loadAlertState(app.store, project.id, rule.id);
          const { alerts, states } = accountAlerts(rule, views, prev, day);
          // State first: a crash between the two loses an alert rather than repeating it.
          await saveAlertState(app.store, project.id, rule.id, states);
          for (const a of alerts) deliverer.send(a);
          fired += alerts.length;
        }
        return fired;
      },
      onRows(project, rows) {
        for (const rule of project.alerts) if (rule.on === 'detractor' || rule.on === 'cancellation') for (const a of eventAlerts(rule, project.id, rows)) deliverer.send(a);
      },
    };
    app.decorate('alerts', api);
    app.addHook('onClose', async () => {
      await Promise.race([deliverer.idle(), new Promise((r) => setTimeout(r, 5000))]);
    });
  },
  { name: 'holdfast-alerts', fastify: '5.x', dependencies: ['holdfast-storage'] },
);
