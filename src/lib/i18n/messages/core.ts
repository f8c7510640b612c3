/**
 * Strings shared by every page: the application, navigation, periods, charts, errors.
 * Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/):
 * `{name}` placeholders, `{count, plural, one {# day} other {# days}}` plurals.
 * Persian follows the terms of the seed articles (تیکت، تماس، نظرسنجی، پشتیبانی، مراقبت از مشتریان).
 */
import type { Translation } from './types';

export const en = {
	'app.name': 'Care dashboard',
	'app.tagline': 'Customer-care monitoring',
	'nav.overview': 'Overview',
	'nav.data': 'Data',
	'nav.skip': 'Skip to content',
	'nav.menu': 'Menu',
	'nav.main': 'Main',
	'lang.label': 'Language',
	'lang.en': 'English',
	'lang.fa': 'فارسی',

	'range.label': 'Period',
	'range.last7': 'Last 7 days',
	'range.last30': 'Last 30 days',
	'range.last90': 'Last 90 days',
	'range.last365': 'Last 12 months',
	'range.custom': 'Custom',
	'range.from': 'From',
	'range.to': 'To',
	'range.apply': 'Apply',
	'range.invalid': 'That period was not understood ({reason}); showing the last 30 days instead.',
	'range.days': '{count, plural, one {# day} other {# days}}',
	'range.error.notDay': '{param}={value} is not a day like 2026-01-31',
	'range.error.endsBeforeStart': 'the period ends before it starts',
	'range.error.tooLong': 'the period is longer than {max} days',

	'chart.loading': 'Loading chart…',
	'chart.empty': 'Nothing to show for this period.',
	'chart.error': 'The chart could not be drawn: {message}',

	'state.loading': 'Loading…',
	'state.empty': 'Nothing to show.',
	'state.error': 'This could not be loaded: {message}',

	'error.title': 'Something went wrong',
	'error.notFound': 'This page does not exist.',
	'error.databaseBusy': 'The database is busy (another process holds it). Retry in a moment.',
	'error.back': 'Back to the overview'
} as const;

export const fa: Translation<typeof en> = {
	'app.name': 'داشبورد مراقبت از مشتریان',
	'app.tagline': 'پایش مراقبت از مشتریان',
	'nav.overview': 'نمای کلی',
	'nav.data': 'داده‌ها',
	'nav.skip': 'رفتن به محتوا',
	'nav.menu': 'منو',
	'nav.main': 'اصلی',
	'lang.label': 'زبان',
	'lang.en': 'English',
	'lang.fa': 'فارسی',

	'range.label': 'بازه',
	'range.last7': '۷ روز اخیر',
	'range.last30': '۳۰ روز اخیر',
	'range.last90': '۹۰ روز اخیر',
	'range.last365': '۱۲ ماه اخیر',
	'range.custom': 'دلخواه',
	'range.from': 'از',
	'range.to': 'تا',
	'range.apply': 'اعمال',
	'range.invalid': 'این بازه فهمیده نشد ({reason})؛ به جای آن ۳۰ روز اخیر نمایش داده می‌شود.',
	'range.days': '{count, plural, other {# روز}}',
	'range.error.notDay': '{param}={value} روزی به شکل 2026-01-31 نیست',
	'range.error.endsBeforeStart': 'پایان بازه پیش از آغاز آن است',
	'range.error.tooLong': 'بازه بیش از {max} روز است',

	'chart.loading': 'در حال بارگذاری نمودار…',
	'chart.empty': 'برای این بازه چیزی برای نمایش نیست.',
	'chart.error': 'نمودار رسم نشد: {message}',

	'state.loading': 'در حال بارگذاری…',
	'state.empty': 'چیزی برای نمایش نیست.',
	'state.error': 'بارگذاری نشد: {message}',

	'error.title': 'خطایی رخ داد',
	'error.notFound': 'این صفحه وجود ندارد.',
	'error.databaseBusy': 'پایگاه داده مشغول است (فرایند دیگری آن را در دست دارد). چند لحظه بعد دوباره تلاش کنید.',
	'error.back': 'بازگشت به نمای کلی'
};
