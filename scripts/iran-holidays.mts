/**
 * Writes src/lib/server/business-calendar/iran-holidays.json: Iran's official public holidays
 * for the Jalali years 1405 and 1406. `npx tsx scripts/iran-holidays.mts` (no network).
 *
 * - Solar holidays (Nowruz, 12 and 13 Farvardin, 14 and 15 Khordad, 22 Bahman, 29 Esfand) are
 *   computed: their Gregorian dates come from Intl's persian calendar.
 * - Lunar holidays of 1405 are the dates of the official calendar of 1405 (published by the
 *   Calendar Center of the University of Tehran's Institute of Geophysics, approved by the
 *   Council of Public Culture): written out below, not computed. They were checked against the
 *   published news summary (ILNA, 8 Aban 1404 / 30 Oct 2025: 1-2 Farvardin Eid al-Fitr,
 *   6 Khordad Eid al-Adha, 14 Khordad Ghadir, 3-4 Tir Tasua and Ashura; 25 holidays, 6 on a
 *   Thursday, 3 on a Friday) and against the Iranian Hijri month table of the persian-calendar
 *   project, which transcribes the Calendar Center's month starts.
 * - Lunar holidays of 1406 are COMPUTED with Intl's islamic-umalqura calendar: the official 1406
 *   calendar was not available when this list was made. Against the official 1405 dates the
 *   Umm al-Qura computation agreed on 8 of 19 lunar holidays and was one day early on the other
 *   11 (never late), so expect some 1406 dates to be a day early: correct them on the SLA
 *   settings page (or import the official calendar as iCal) when the Calendar Center publishes it.
 */
import fs from 'node:fs';

type Source = 'official' | 'computed';
interface Entry { date: string; fa: string; en: string; kind: 'solar' | 'lunar'; source: Source; note?: string }

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fmt = (cal: string) => new Intl.DateTimeFormat(`en-u-ca-${cal}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
function parts(f: Intl.DateTimeFormat, ms: number) {
	const o = { year: 0, month: 0, day: 0 };
	for (const p of f.formatToParts(new Date(ms + DAY / 2))) if (p.type === 'year' || p.type === 'month' || p.type === 'day') o[p.type] = Number(p.value);
	return o;
}
const persian = fmt('persian');
const umalqura = fmt('islamic-umalqura');

const SOLAR: [number, number, string, string][] = [
	[1, 1, 'آغاز نوروز', 'Nowruz'],
	[1, 2, 'عید نوروز', 'Nowruz'],
	[1, 3, 'عید نوروز', 'Nowruz'],
	[1, 4, 'عید نوروز', 'Nowruz'],
	[1, 12, 'روز جمهوری اسلامی ایران', 'Islamic Republic Day'],
	[1, 13, 'روز طبیعت', 'Nature Day'],
	[3, 14, 'رحلت امام خمینی', 'Demise of Imam Khomeini'],
	[3, 15, 'قیام ۱۵ خرداد', '15 Khordad uprising'],
	[11, 22, 'پیروزی انقلاب اسلامی', 'Victory of the Islamic Revolution'],
	[12, 29, 'روز ملی شدن صنعت نفت', 'Oil nationalisation day']
];

/** Lunar holidays: [Hijri month, day (0 = last day of the month), fa, en]. */
const LUNAR: [number, number, string, string][] = [
	[1, 9, 'تاسوعای حسینی', 'Tasua'],
	[1, 10, 'عاشورای حسینی', 'Ashura'],
	[2, 20, 'اربعین حسینی', 'Arbaeen'],
	[2, 28, 'رحلت رسول اکرم و شهادت امام حسن مجتبی', 'Demise of the Prophet and martyrdom of Imam Hasan'],
	[2, 0, 'شهادت امام رضا', 'Martyrdom of Imam Reza'],
	[3, 8, 'شهادت امام حسن عسکری', 'Martyrdom of Imam Hasan Askari'],
	[3, 17, 'میلاد رسول اکرم و امام جعفر صادق', "Birthday of the Prophet and Imam Sadiq"],
	[6, 3, 'شهادت حضرت فاطمه زهرا', 'Martyrdom of Fatimah'],
	[7, 13, 'ولادت امام علی', 'Birthday of Imam Ali'],
	[7, 27, 'مبعث رسول اکرم', "Mab'ath"],
	[8, 15, 'ولادت حضرت قائم', 'Birthday of Imam Mahdi'],
	[9, 21, 'شهادت امام علی', 'Martyrdom of Imam Ali'],
	[10, 1, 'عید سعید فطر', 'Eid al-Fitr'],
	[10, 2, 'تعطیل به مناسبت عید سعید فطر', 'Eid al-Fitr holiday'],
	[10, 25, 'شهادت امام جعفر صادق', 'Martyrdom of Imam Sadiq'],
	[12, 10, 'عید سعید قربان', 'Eid al-Adha'],
	[12, 18, 'عید سعید غدیر خم', 'Eid al-Ghadir']
];

/** The official calendar of 1405: lunar holidays as published (Hijri date → Gregorian day). */
const OFFICIAL_1405: Record<string, string> = {
	'1447-10-1': '2026-03-21',
	'1447-10-2': '2026-03-22',
	'1447-10-25': '2026-04-14',
	'1447-12-10': '2026-05-27',
	'1447-12-18': '2026-06-04',
	'1448-1-9': '2026-06-24',
	'1448-1-10': '2026-06-25',
	'1448-2-20': '2026-08-04',
	'1448-2-28': '2026-08-12',
	'1448-2-0': '2026-08-13',
	'1448-3-8': '2026-08-21',
	'1448-3-17': '2026-08-30',
	'1448-6-3': '2026-11-13',
	'1448-7-13': '2026-12-23',
	'1448-7-27': '2027-01-06',
	'1448-8-15': '2027-01-24',
	'1448-9-21': '2027-02-28',
	'1448-10-1': '2027-03-10',
	'1448-10-2': '2027-03-11'
};
const NOTES: Record<string, string> = {
	'2026-04-14':
		'25 Shawwal is an official holiday by law and falls here by the official month table; the ILNA summary of the published calendar lists six Farvardin holidays without it. Check it against your printed calendar.'
};

const years = [1405, 1406];
const first = Date.UTC(2026, 2, 1);
const last = Date.UTC(2028, 3, 1);
const out: Entry[] = [];
for (let t = first; t < last; t += DAY) {
	const j = parts(persian, t);
	if (!years.includes(j.year)) continue;
	for (const [m, d, fa, en] of SOLAR) if (j.month === m && j.day === d) out.push({ date: iso(t), fa, en, kind: 'solar', source: 'official' });
	if (j.year === 1406) {
		const h = parts(umalqura, t);
		const next = parts(umalqura, t + DAY);
		for (const [m, d, fa, en] of LUNAR) {
			if (h.month === m && (d === 0 ? next.month !== m : h.day === d)) out.push({ date: iso(t), fa, en, kind: 'lunar', source: 'computed' });
		}
	}
}
for (const [key, date] of Object.entries(OFFICIAL_1405)) {
	const [, m, d] = key.split('-').map(Number);
	const [, , fa, en] = LUNAR.find(([lm, ld]) => lm === m && ld === d)!;
	out.push({ date, fa, en, kind: 'lunar', source: 'official', ...(NOTES[date] ? { note: NOTES[date] } : {}) });
}

// One entry per day: a day holding two occasions (Nowruz and Eid al-Fitr) lists both names.
const byDay = new Map<string, Entry>();
for (const e of out.sort((a, b) => a.date.localeCompare(b.date) || b.kind.localeCompare(a.kind))) {
	const prev = byDay.get(e.date);
	if (!prev) byDay.set(e.date, { ...e });
	else {
		prev.fa += '؛ ' + e.fa;
		prev.en += '; ' + e.en;
		if (e.source === 'computed') prev.source = 'computed';
		if (e.note) prev.note = e.note;
	}
}
const holidays = [...byDay.values()].map((e) => ({ ...e, jalali: (({ year, month, day }) => `${year}/${month}/${day}`)(parts(persian, Date.parse(e.date))) }));

const file = {
	about: [
		"Iran's official public holidays, Jalali years 1405 and 1406 (21 March 2026 - 19 March 2028), written by scripts/iran-holidays.mts.",
		'Solar holidays: computed with Intl\'s persian calendar.',
		'Lunar holidays of 1405: the official calendar of 1405 (Calendar Center, Institute of Geophysics, University of Tehran; approved by the Council of Public Culture), as published; source "official".',
		'Lunar holidays of 1406: COMPUTED with Intl\'s islamic-umalqura calendar (source "computed"), because the official 1406 calendar was not available; Iran fixes lunar dates by moon sighting, so some may be a day early. Correct them on the SLA settings page or import the official calendar as iCal.'
	],
	holidays
};
fs.writeFileSync(new URL('../src/lib/server/business-calendar/iran-holidays.json', import.meta.url), JSON.stringify(file, null, '\t') + '\n');
console.log(`${holidays.length} holidays: ${holidays.filter((h) => h.jalali.startsWith('1405')).length} in 1405, ${holidays.filter((h) => h.jalali.startsWith('1406')).length} in 1406`);
