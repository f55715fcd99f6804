// Script-tag entry: replaces the snippet's stub on window.holdfast and replays the calls it queued.
import { Holdfast } from './holdfast.js';

type Stub = { q?: [string, unknown[]][] } & Record<string, unknown>;

const w = window as unknown as { holdfast?: Stub | Holdfast };
const stub = w.holdfast as Stub | undefined;
if (!(stub instanceof Holdfast)) {
  const hf = new Holdfast();
  w.holdfast = hf;
  // The script's own origin is the collector unless init says otherwise.
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  const host = src ? new URL(src).origin : '';
  for (const [m, args] of stub?.q ?? []) {
    if (m == 'init' && !(args[1] as { host?: string } | undefined)?.host) args[1] = { ...(args[1] as object), host };
    (hf as any)[m](...args);
  }
}
