// Lazily loaded locale chunk: registers its table for the widgets bundle to pick up.
import { sv } from '../i18n/sv.js';

const w = window as unknown as { holdfastLocales?: Record<string, unknown> };
(w.holdfastLocales ||= {}).sv = sv;
