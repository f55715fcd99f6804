// Takes the daily health snapshot of every account of a project.
import type { Project } from '../schema/project.js';
import { writeSnapshots } from '../store/queries/health-snapshots.js';
import type { Store } from '../store/types.js';
import { accountViews, type AccountView } from './accounts.js';

export async function takeSnapshots(store: Store, project: Project, day: string): Promise<AccountView[]> {
  const views = await accountViews(store, project, day);
  await saveSnapshots(store, project.id, day, views);
  return views;
}

export function saveSnapshots(store: Store, projectId: string, day: string, views: AccountView[]): Promise<void> {
  return writeSnapshots(
    store,
    projectId,
    views.map((v) => ({ account_id: v.account_id, day, score: v.health, tier: v.tier, components: v.components.map(({ name, score, contribution, missing }) => ({ name, score, contribution, missing })), view: v })),
  );
}
