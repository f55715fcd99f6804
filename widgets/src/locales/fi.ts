// Lazily loaded locale chunk: registers its table for the widgets bundle to pick up.
import { fi } from '../i18n/fi.js';

const w = window as unknown as { holdfastLocales?: Record<string, unknown> };
(w.holdfastLocales ||= {}).fi = fi;
