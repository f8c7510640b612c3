/** The overview page. */
import type { Translation } from './types';

export const en = {
	'overview.title': 'Overview',
	'overview.tickets': 'Tickets opened',
	'overview.calls': 'Calls',
	'overview.surveys': 'Survey answers',
	'overview.perDay': '{value} a day',
	'overview.callsDetail': '{inbound} incoming, {answered} of them answered · {openedCase} opened a case',
	'overview.npsCsat': '{nps} NPS · {csat} CSAT answers',
	'overview.callsByWeekday': 'Incoming calls by weekday',
	'overview.callsByWeekdayNote': "Average incoming calls per day of each weekday in the period, by local weekday in {timeZone}, in the unit's week order.",
	'overview.series.openedCase': 'Opened a case',
	'overview.series.followUp': 'Follow-up',
	'overview.series.unknown': 'Not recorded',
	'overview.empty': 'No data yet.',
	'overview.emptyHint': 'Drop CSV, JSON or Parquet files into the inbox, or wait for the demo data to load.',
	'overview.loadingDemo': 'Loading the demo dataset… this page fills in within a minute.',
	'overview.dataAsOf': 'Figures from rollups refreshed {when}.',
	'overview.table.weekday': 'Weekday',
	'overview.table.total': 'Total',
	'overview.table.perDay': 'Average a day'
} as const;

export const fa: Translation<typeof en> = {
	'overview.title': 'نمای کلی',
	'overview.tickets': 'تیکت‌های ثبت‌شده',
	'overview.calls': 'تماس‌ها',
	'overview.surveys': 'پاسخ‌های نظرسنجی',
	'overview.perDay': '{value} در روز',
	'overview.callsDetail': '{inbound} تماس ورودی، {answered} از آن‌ها پاسخ داده شد · {openedCase} به ثبت پرونده انجامید',
	'overview.npsCsat': '{nps} پاسخ NPS · {csat} پاسخ CSAT',
	'overview.callsByWeekday': 'تماس‌های ورودی بر حسب روز هفته',
	'overview.callsByWeekdayNote': 'میانگین تماس‌های ورودی در هر روز از هر روزِ هفته در این بازه، بر اساس روز محلی در {timeZone}، به ترتیب هفتهٔ واحد.',
	'overview.series.openedCase': 'ثبت پرونده',
	'overview.series.followUp': 'پیگیری',
	'overview.series.unknown': 'ثبت نشده',
	'overview.empty': 'هنوز داده‌ای نیست.',
	'overview.emptyHint': 'فایل‌های CSV، JSON یا Parquet را در صندوق ورودی بگذارید، یا منتظر بارگذاری داده‌های نمایشی بمانید.',
	'overview.loadingDemo': 'داده‌های نمایشی در حال بارگذاری است… این صفحه تا یک دقیقه دیگر پر می‌شود.',
	'overview.dataAsOf': 'ارقام از جمع‌بندی‌هایی است که {when} به‌روز شده‌اند.',
	'overview.table.weekday': 'روز هفته',
	'overview.table.total': 'جمع',
	'overview.table.perDay': 'میانگین روزانه'
};
