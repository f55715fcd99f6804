// Locale tables and message lookup with {param} substitution. English ships in the widgets bundle; the other
// tables are small chunks (locale-<code>.js beside widgets.js) loaded when a widget needs them.
import { en, type Messages } from './en.js';

export type { Messages };
export type MessageKey = keyof Messages;
export const locales: Record<string, Messages> = { en };
export const localeNames: Record<string, string> = { en: 'English', fi: 'Suomi', sv: 'Svenska', pl: 'Polski', zh: '简体中文' };

/** The best table for a BCP 47 tag ("fi-FI" -> fi, "zh-Hans-CN" -> zh), English otherwise. */
export function pickLocale(tag?: string): string {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return localeNames[base] ? base : 'en';
}

const RTL = ['ar', 'he', 'fa', 'ur'];
export const isRtl = (tag?: string) => RTL.includes((tag ?? '').toLowerCase().split(/[-_]/)[0]);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: string): Translate {
  const table = locales[locale] ?? en;
  return (key, params) => (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));
}

// Where widgets.js came from: the locale chunks sit beside it.
const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const base = script?.src ? script.src.replace(/[^/]*$/, '') : '';
const registry = () => ((window as unknown as { holdfastLocales?: Record<string, Messages> }).holdfastLocales ||= {});

/** Makes a locale's table available; resolves at once if it is, falls back to English if it cannot load. */
export function loadLocale(code: string, nonce?: string): Promise<void> {
  if (locales[code] || !localeNames[code]) return Promise.resolve();
  if (registry()[code]) {
    locales[code] = registry()[code];
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = `${base}locale-${code}.js`;
    if (nonce) s.nonce = nonce;
    s.onload = s.onerror = () => {
      if (registry()[code]) locales[code] = registry()[code];
      resolve();
    };
    document.head.appendChild(s);
  });
}
