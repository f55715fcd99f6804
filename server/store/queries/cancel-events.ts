// The cancel-flow events of a period, for the funnel and save rates (small: one row per flow step).
import type { FlowEvent } from '../../analytics/save-rate.js';
import { fromChTime } from '../../ingest/to-row.js';
import { USER_KEY } from '../rollups.js';
import type { Store } from '../types.js';

export const CANCEL_EVENTS = ['Cancellation Started', 'Cancellation Reason Selected', 'Save Offer Shown', 'Save Offer Accepted', 'Save Offer Declined', 'Cancellation Completed', 'Cancellation Abandoned'];

/** Events from the start of the range to 30 days after its end (to see cancellations that follow a save). */
export async function cancelEvents(store: Store, projectId: string, from: string, until: string): Promise<FlowEvent[]> {
  const rows = await store.query<{ person: string; account_id: string; event: string; at: string; props: string }>(
    `SELECT ${USER_KEY} AS person, account_id, event, toString(timestamp) AS at, properties AS props
     FROM ${store.database}.events
     WHERE project_id = {p:String} AND type = 'track' AND has({names:Array(String)}, event)
       AND toDate(timestamp) BETWEEN {from:Date} AND {until:Date}
     ORDER BY timestamp`,
    { p: projectId, names: CANCEL_EVENTS, from, until },
  );
  return rows.map((r) => ({ person: r.person, account_id: r.account_id, event: r.event, at: fromChTime(r.at), props: JSON.parse(r.props) }));
}
