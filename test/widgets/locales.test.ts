// @vitest-environment happy-dom
// Every string comes from a locale table; English, Finnish, Swedish, Polish and Simplified Chinese are
// complete; the language follows the user and can be switched while a widget is open.
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../widgets/src/i18n/en.js';
import { isRtl, locales, pickLocale } from '../../widgets/src/i18n/index.js';
import { openCancelFlow, openSurvey, tick } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget').forEach((e) => e.remove()));

const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('locale tables', () => {
  for (const code of ['fi', 'sv', 'pl', 'zh']) {
    it(`${code} has every key, translated, with the same placeholders`, () => {
      const table = locales[code] as Record<string, string>;
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) {
        expect(table[k], `${code}.${k}`).toBeTruthy();
        expect(params(table[k]), `${code}.${k}`).toEqual(params(v));
      }
      // Translated, not copied: most strings differ from English.
      const same = Object.keys(en).filter((k) => table[k] === (en as Record<string, string>)[k]);
      expect(same.length).toBeLessThan(4);
    });
  }

  it('picks a table from the user locale', () => {
    expect(pickLocale('fi-FI')).toBe('fi');
    expect(pickLocale('sv_SE')).toBe('sv');
    expect(pickLocale('zh-Hans-CN')).toBe('zh');
    expect(pickLocale('pt-BR')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(isRtl('ar-EG')).toBe(true);
    expect(isRtl('fi')).toBe(false);
  });
});

describe('widgets in each language', () => {
  const questions: Record<string, string> = {
    en: 'How likely are you to recommend us',
    fi: 'Kuinka todennäköisesti suosittelisit meitä',
    sv: 'Hur troligt är det att du skulle rekommendera oss',
    pl: 'Jak bardzo prawdopodobne jest, że polecisz nas',
    zh: '您有多大可能向朋友或同事推荐我们',
  };
  for (const [code, q] of Object.entries(questions)) {
    it(`shows NPS and the cancel flow in ${code}`, async () => {
      const w = await openSurvey({ id: 'nps', type: 'nps' }, { locale: code });
      expect(w.text()).toContain(q);
      expect(w.root.querySelector('.hf-root')!.getAttribute('lang')).toBe(code);
      const c = await openCancelFlow({}, {}, { locale: code });
      expect(c.text()).toContain(locales[code].cancel_reason);
      c.button(locales[code].reason_price).click();
      await tick();
      expect(c.text()).toContain(locales[code].offer_discount_body.replace('{percent}', '25').replace('{months}', '3'));
    });
  }

  it('switches language while open, by the picker or the handle', async () => {
    const w = await openSurvey({ id: 'csat', type: 'csat' }, { locale: 'en' });
    const select = w.root.querySelector('select')!;
    select.value = 'sv';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(w.text()).toContain('Hur nöjd är du med din upplevelse?');
    w.handle.setLocale('pl-PL');
    await tick();
    expect(w.text()).toContain('Jak bardzo jesteś zadowolony');
    expect(w.radios()[0].getAttribute('aria-label')).toBe('Bardzo niezadowolony');
  });

  it('lays out right to left for a right-to-left user locale', async () => {
    const w = await openSurvey({ id: 'nps', type: 'nps' }, { locale: 'ar' });
    expect(w.root.querySelector('.hf-root')!.getAttribute('dir')).toBe('rtl');
    expect(w.text()).toContain(questions.en); // no Arabic table: English text, right-to-left layout
  });
});
