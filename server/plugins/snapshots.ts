// Schedules the daily health snapshots: shortly after start, then every HOLDFAST_SNAPSHOT_INTERVAL_MS
// (0 turns it off). A snapshot of the same day replaces the earlier one.
import fp from 'fastify-plugin';
import { iso } from '../analytics/range.js';
import { takeSnapshots } from '../analytics/snapshots.js';

export default fp(
  async (app) => {
    const every = app.config.env.HOLDFAST_SNAPSHOT_INTERVAL_MS;
    if (!every) return;
    const run = async () => {
      for (const project of app.projects.list) {
        try {
          const day = iso(Date.now());
          const views = await takeSnapshots(app.store, project, day);
          const fired = await app.alerts.checkAccounts(project, day, views);
          app.log.debug({ project: project.id, accounts: views.length, alerts: fired }, 'health snapshot taken');
        } catch (e) {
          app.log.warn({ err: e, project: project.id }, 'health snapshot failed');
        }
      }
    };
    const first = setTimeout(run, 10_000);
    const timer = setInterval(run, every);
    first.unref();
    timer.unref();
    app.addHook('onClose', async () => {
      clearTimeout(first);
      clearInterval(timer);
    });
  },
  { name: 'holdfast-snapshots', fastify: '5.x', dependencies: ['holdfast-storage', 'holdfast-alerts'] },
);
