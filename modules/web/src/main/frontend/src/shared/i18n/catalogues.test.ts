import type { ReactNode } from 'react';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { en, type MessageId } from './en';
import { esUS } from './es-US';
import { languageOf, makeI18n } from './i18n';

/** The argument names of an ICU message: `{name}`, `{count, plural, …}`. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe('the catalogues', () => {
  it('hold the same ids, and each Spanish message asks for the same values as the English one', () => {
    expect(Object.keys(esUS).sort()).toEqual(Object.keys(en).sort());
    for (const id of Object.keys(en) as MessageId[]) {
      expect([id, argumentsOf(esUS[id])]).toEqual([id, argumentsOf(en[id])]);
    }
  });

  it('are valid ICU messages that format without an error', () => {
    for (const [locale, messages] of [['en', en], ['es-US', esUS]] as const) {
      const errors: string[] = [];
      const intl = createIntl({ locale, messages, onError: (error) => errors.push(`${locale}: ${error.message}`) });
      for (const [id, message] of Object.entries(messages)) {
        const values = Object.fromEntries(argumentsOf(message).map((name) => [name, 1]));
        intl.formatMessage({ id }, { ...values, code: (chunks: ReactNode[]) => chunks });
      }
      expect(errors).toEqual([]);
    }
  });

  it('take any Spanish locale as US Spanish and anything else as English', () => {
    expect(languageOf('es-US')).toBe('es-US');
    expect(languageOf('es-MX')).toBe('es-US');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('take a locale they have no catalogue for in the library system’s fallback language', () => {
    expect(languageOf('fr-CA', 'es')).toBe('es-US');
    expect(languageOf('fr-CA', 'en')).toBe('en');
    expect(languageOf('fr-CA')).toBe('en');
    expect(languageOf('es-MX', 'en')).toBe('es-US');
    expect(languageOf('en-GB', 'es')).toBe('en');
  });

  it('show an instant on the library system’s clock, whatever the desk computer’s zone', () => {
    expect(makeI18n('en', 'America/Chicago').moment('2026-12-01T19:05:00Z', { timeStyle: 'short', hourCycle: 'h23' })).toBe('13:05');
    expect(makeI18n('es-US', 'Asia/Tokyo').moment('2026-12-01T19:05:00Z', { timeStyle: 'short', hourCycle: 'h23' })).toBe('04:05');
    expect(makeI18n('es-US').day('2026-12-01', { dateStyle: 'long' })).toBe('1 de diciembre de 2026');
  });
});
