/**
 * Every text the staff app shows comes from a message catalogue (ICU messages, FormatJS): English and
 * US Spanish. The library system's locale chooses the language unless the staff member picked one on this
 * browser; dates and times are shown in the library system's time zone, whatever the desk computer's.
 *
 * Without a provider the app speaks English, so a screen rendered on its own (a unit test) needs no setup.
 * The pseudo-locale marks every catalogue text and every formatted value, so a test can find any text on a
 * screen that did not come from here.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { en, type MessageId } from './en';
import { esUS } from './es-US';

export type { MessageId } from './en';

export type Language = 'en' | 'es-US';
/** The languages offered, each named in itself. */
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es-US', name: 'Español' },
];
/** For tests only: English with every text and value marked. */
export const PSEUDO = 'en-XA';
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const CATALOGUES: Record<Language, Record<MessageId, string>> = { en, 'es-US': esUS };
const STORED = 'servicepoint.language';

/**
 * The catalogue language for a locale tag: any Spanish is US Spanish, any English is English; a locale of another
 * language (fr-CA) takes the library system's fallback language (its `fallbackLanguage`, English when none is given).
 */
export function languageOf(locale: string | undefined | null, fallbackLanguage?: string | null): Language {
  const own = primary(locale);
  if (own === 'es') {
    return 'es-US';
  }
  if (!own || own === 'en') {
    return 'en';
  }
  return primary(fallbackLanguage) === 'es' ? 'es-US' : 'en';
}

/** The language subtag of a locale tag ("fr" of "fr-CA"), lower case. */
function primary(tag: string | undefined | null): string | undefined {
  return tag ? tag.split(/[-_]/)[0]?.toLowerCase() : undefined;
}

/** The staff member's own choice on this browser, if any (not confidential: kept across sign-outs). */
export function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(STORED);
    return LANGUAGES.some((l) => l.code === value) ? (value as Language) : undefined;
  } catch {
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORED, language);
  } catch {
    // Storage switched off: the choice lasts until the page is left.
  }
}

type Plain = string | number | Date | null | undefined;
export type Values = Record<string, Plain>;
export type RichValues = Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

export interface I18n {
  /** The language tag of the page (`lang`) and of Intl formatting. */
  readonly locale: string;
  readonly language: Language;
  readonly timeZone?: string;
  readonly intl: IntlShape;
  t(id: MessageId, values?: Values): string;
  /** A message with markup in it (`<b>…</b>`) or React values. */
  rich(id: MessageId, values: RichValues): ReactNode;
  /** An instant in the library system's time zone (the desk computer's when none is known). */
  moment(instant: string | Date, options: Intl.DateTimeFormatOptions): string;
  /** A calendar date ("2026-12-01") by itself: no time zone moves it. */
  day(date: string, options: Intl.DateTimeFormatOptions): string;
  /** Lets the staff member change the language; absent where nobody can (tests, static pages). */
  choose?: (language: Language) => void;
}

const cache = createIntlCache();

function pseudo(messages: Record<MessageId, string>): Record<MessageId, string> {
  const marked = {} as Record<MessageId, string>;
  for (const [id, text] of Object.entries(messages)) {
    marked[id as MessageId] = `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`;
  }
  return marked;
}

export function makeI18n(language: Language | typeof PSEUDO, timeZone?: string, choose?: (language: Language) => void): I18n {
  const isPseudo = language === PSEUDO;
  const locale = isPseudo ? 'en' : language;
  const messages = isPseudo ? pseudo(en) : CATALOGUES[language];
  const intl = createIntl({ locale, messages, timeZone, onError: () => {} }, cache);
  const mark = (text: string) => (isPseudo ? `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}` : text);
  const zone = safeZone(timeZone);
  return {
    locale,
    language: isPseudo ? 'en' : language,
    timeZone: zone,
    intl,
    choose,
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string | number | Date>),
    rich: (id, values) => intl.formatMessage({ id }, values as Record<string, ReactNode>),
    moment(instant, options) {
      const date = instant instanceof Date ? instant : new Date(instant);
      if (Number.isNaN(date.getTime())) {
        return String(instant);
      }
      return mark(new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(date));
    },
    day(date, options) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!match) {
        return date;
      }
      const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return mark(new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(utc));
    },
  };
}

/** A zone the browser does not know would make every date fail; then the desk computer's zone is used. */
function safeZone(zone: string | undefined): string | undefined {
  if (!zone) {
    return undefined;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** English, for code that runs outside React and for screens rendered without a provider. */
export const ENGLISH: I18n = makeI18n('en');

const I18nContext = createContext<I18n>(ENGLISH);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * The words for a code the server sends (a status, a kind): its message from `labels`; a code the catalogue does not
 * know (a newer server's) is not dropped but shown as `unknown` makes it readable.
 */
export function codeLabel(labels: Record<string, MessageId>, code: string, t: I18n['t'], unknown: (code: string) => string): string {
  const id = labels[code];
  return id ? t(id) : unknown(code);
}

/** `codeLabel` for one kind of code: the `(code, i18n)` function a feature exports for its statuses or kinds. */
export function codeLabeller(labels: Record<string, MessageId>, unknown: (code: string) => string) {
  return (code: string, { t }: Pick<I18n, 't'> = ENGLISH): string => codeLabel(labels, code, t, unknown);
}
