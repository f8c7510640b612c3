/**
 * The readers' chart locales as the pages make them (chartLocale of the real format presets),
 * for option builders' tests: English left to right, Persian right to left with Persian digits
 * and Vazirmatn.
 */
import { chartLocale, type ChartLocale } from '../../src/lib/components/charts/options/rtl';
import { makeFormat } from '../../src/lib/format';
import { translator } from '../../src/lib/i18n/translate';

const unit = (language: 'en' | 'fa') => ({ language, calendar: 'persian', timeZone: 'Asia/Tehran', weekStart: 6 }) as const;

export const FMT = { en: makeFormat(unit('en'), translator('en')), fa: makeFormat(unit('fa'), translator('fa')) };
export const EN: ChartLocale = chartLocale({ lang: 'en', fmt: FMT.en });
export const FA: ChartLocale = chartLocale({ lang: 'fa', fmt: FMT.fa });
