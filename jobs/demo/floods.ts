/**
 * Releases and incidents (the annotations) and the floods of calls and tickets they cause
 * (seed 004): a release every five to eight weeks brings +40-100% on its day and the next
 * one or two working days; one national internet slow-down brings +100-200% for three days;
 * a few smaller incidents bring a few hours of extra calls.
 */
import type { Rng } from './random';
import { DAY, HOUR, MINUTE, WORK_END, WORK_START, weekday, type UnitCalendar } from './tehran-calendar';
import type { Annotation, Flood } from './types';
import type { Window } from './customers';

const RELEASE_NOTES = [
	'New reporting module, redesigned main menu',
	'Faster search, changes to user roles and permissions',
	'New dashboard widgets, printing templates reworked',
	'Single sign-on support, login page redesigned',
	'Workflow engine upgrade, new approval screens',
	'Mobile-friendly forms, file upload limits changed',
	'Performance fixes, new Excel export',
	'Jalali calendar fixes; new notification centre'
];

const SMALL_INCIDENTS: { title: string; description: string }[] = [
	{ title: 'Data-centre power failure', description: 'Hosted customers lost access for a few hours while the data centre ran on backup power' },
	{ title: 'SMS gateway outage', description: 'Verification and notification text messages were not delivered' },
	{ title: 'Login service outage (expired certificate)', description: 'The sign-in service refused connections until its certificate was renewed' }
];

/** Days around Nowruz when nobody ships a release. */
function nearNowruz(cal: UnitCalendar, day: number): boolean {
	const j = cal.jalali(day);
	return (j.month === 1 && j.day <= 15) || (j.month === 12 && j.day >= 25);
}

/** The first working Sunday, Monday or Tuesday at or after `day`, away from Nowruz. */
function releaseDayFrom(cal: UnitCalendar, day: number): number {
	let d = day;
	while (!cal.isWorkingDay(d) || weekday(d) > 2 || nearNowruz(cal, d)) d++;
	return d;
}

export interface FloodPlan {
	annotations: Annotation[];
	floods: Map<number, Flood[]>;
}

export function planFloods(rng: Rng, cal: UnitCalendar, window: Window): FloodPlan {
	const { first, last } = window;
	const annotations: Annotation[] = [];
	const floods = new Map<number, Flood[]>();
	const add = (f: Flood) => {
		const list = floods.get(f.day) ?? [];
		list.push(f);
		floods.set(f.day, list);
	};
	const busy = new Set<number>();

	let major = 4;
	let minor = rng.int(2, 5);
	const majorAt = rng.int(6, 9);
	let count = 0;
	for (let day = releaseDayFrom(cal, first + rng.int(14, 35)); day <= last; day = releaseDayFrom(cal, day + rng.int(35, 56))) {
		count++;
		if (count === majorAt) {
			major++;
			minor = 0;
		} else if (count > 1) minor++;
		const version = `${major}.${minor}`;
		const at = 9 * HOUR + rng.int(0, 6) * 15 * MINUTE;
		const annotation: Annotation = { id: '', kind: 'release', starts: day * DAY + at, ends: null, title: `Release ${version}`, description: rng.pick(RELEASE_NOTES) };
		annotations.push(annotation);
		const days = [day, cal.nextWorkingDay(day)];
		if (rng.chance(0.5)) days.push(cal.nextWorkingDay(days[1]!));
		const extras = [rng.uniform(0.6, 0.9), rng.uniform(0.45, 0.7), rng.uniform(0.4, 0.5)];
		days.forEach((d, i) => {
			add({ day: d, extra: extras[i]!, from: i === 0 ? at + 20 * MINUTE : WORK_START, to: WORK_END, kind: 'release', release: version, annotation });
			busy.add(d);
		});
		for (let d = day - 7; d <= day + 10; d++) busy.add(d);
	}

	// The national internet slow-down: three working days, well away from any release.
	const candidates: number[] = [];
	for (let d = first + 120; d <= last - 60; d++) if (cal.isWorkingDay(d) && weekday(d) <= 2 && !busy.has(d) && !busy.has(d + 4)) candidates.push(d);
	if (candidates.length > 0) {
		const d0 = rng.pick(candidates);
		const d1 = cal.nextWorkingDay(d0);
		const d2 = cal.nextWorkingDay(d1);
		const at = 10 * HOUR + rng.int(0, 6) * 15 * MINUTE;
		const annotation: Annotation = {
			id: '',
			kind: 'incident',
			starts: d0 * DAY + at,
			ends: d2 * DAY + 17 * HOUR + rng.int(0, 3) * HOUR,
			title: 'National internet slow-down',
			description: 'Nationwide internet disruption: customers could not reach hosted services, the portal or the update server'
		};
		annotations.push(annotation);
		add({ day: d0, extra: rng.uniform(1.2, 1.5), from: at + 15 * MINUTE, to: WORK_END, kind: 'incident', annotation });
		add({ day: d1, extra: rng.uniform(1.7, 2.0), from: WORK_START, to: WORK_END, kind: 'incident', annotation });
		add({ day: d2, extra: rng.uniform(1.0, 1.3), from: WORK_START, to: WORK_END, kind: 'incident', annotation });
		for (let d = d0 - 7; d <= d2 + 7; d++) busy.add(d);
	}

	// Smaller incidents: a few hours each on an otherwise ordinary full working day.
	for (const incident of SMALL_INCIDENTS) {
		const free: number[] = [];
		for (let d = first + 30; d <= last - 10; d++) if (cal.kind(d) === 'full' && !busy.has(d)) free.push(d);
		if (free.length === 0) break;
		const d = rng.pick(free);
		const at = 8 * HOUR + 30 * MINUTE + rng.int(0, 18) * 15 * MINUTE;
		const ends = at + rng.int(2, 5) * HOUR;
		const annotation: Annotation = { id: '', kind: 'incident', starts: d * DAY + at, ends: d * DAY + ends, ...incident };
		annotations.push(annotation);
		add({ day: d, extra: rng.uniform(0.35, 0.6), from: at, to: Math.min(WORK_END, ends + HOUR), kind: 'incident', annotation });
		for (let x = d - 3; x <= d + 3; x++) busy.add(x);
	}

	annotations.sort((a, b) => a.starts - b.starts);
	annotations.forEach((a, i) => (a.id = `A${String(i + 1).padStart(3, '0')}`));
	return { annotations, floods };
}
