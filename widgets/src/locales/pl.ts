// Lazily loaded locale chunk: registers its table for the widgets bundle to pick up.
import { pl } from '../i18n/pl.js';

const w = window as unknown as { holdfastLocales?: Record<string, unknown> };
(w.holdfastLocales ||= {}).pl = pl;
