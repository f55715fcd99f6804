// Lazily loaded locale chunk: registers its table for the widgets bundle to pick up.
import { zh } from '../i18n/zh.js';

const w = window as unknown as { holdfastLocales?: Record<string, unknown> };
(w.holdfastLocales ||= {}).zh = zh;
