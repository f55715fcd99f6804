// User agent to browser, OS and device type. Parsing is costly and agents repeat, so results are cached.
import { UAParser } from 'ua-parser-js';

export interface ParsedAgent {
  browser: string;
  browser_version: string;
  os: string;
  os_version: string;
  device_type: string;
}

const CACHE_MAX = 2000;
const cache = new Map<string, ParsedAgent>();
const EMPTY: ParsedAgent = { browser: '', browser_version: '', os: '', os_version: '', device_type: '' };

export function parseUserAgent(ua: string | undefined): ParsedAgent {
  if (!ua) return EMPTY;
  const hit = cache.get(ua);
  if (hit) return hit;
  const r = new UAParser(ua).getResult();
  const parsed: ParsedAgent = {
    browser: r.browser.name ?? '',
    browser_version: r.browser.version ?? '',
    os: r.os.name ?? '',
    os_version: r.os.version ?? '',
    // ua-parser leaves the type empty for desktops.
    device_type: r.device.type ?? (r.browser.name || r.os.name ? 'desktop' : ''),
  };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(ua, parsed);
  return parsed;
}
