// The core's only widget code: a loader. The widgets bundle (Preact, ~11 KB) is fetched the first time a
// survey or cancel flow must be shown, never before.
import type { WidgetsApi } from './widgets-api.js';

let loading: Promise<WidgetsApi> | undefined;

export function loadWidgets(host: string, nonce?: string): Promise<WidgetsApi> {
  const w = window as unknown as { holdfastWidgets?: WidgetsApi };
  return (loading ||= new Promise((resolve, reject) => {
    if (w.holdfastWidgets) return resolve(w.holdfastWidgets);
    const s = document.createElement('script');
    s.src = host + '/widgets/widgets.js';
    s.async = true;
    if (nonce) s.nonce = nonce;
    s.onload = () => (w.holdfastWidgets ? resolve(w.holdfastWidgets) : s.onerror!(''));
    s.onerror = () => {
      loading = undefined; // a later call may try again
      reject(Error('holdfast: widgets failed to load'));
    };
    document.head.appendChild(s);
  }));
}
