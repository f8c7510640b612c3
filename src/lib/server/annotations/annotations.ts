/**
 * Releases and incidents: the annotations that explain peaks. Loaded as a dataset
 * (inbox/annotations/) or entered, edited and deleted on the Annotations page. Attribution
 * is computed when peaks are read (peaks/attributed_episodes), so a change here explains or
 * un-explains peaks at once, with no refresh.
 *
 * The form's values are checked here field by field; on any error nothing is written and each
 * field gets its message (a Phrase, shown in the reader's language).
 */
import crypto from 'node:crypto';
import { todayIn } from '../../calendar';
import type { Phrase } from '../../i18n/translate';
import { execOn, queryOn, type Database } from '../db/database';
import { listPeaks, type Peak } from '../peaks/peaks';
import type { Settings } from '../settings';

export const ANNOTATION_KINDS = ['release', 'incident', 'other'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 2000;

export interface Annotation {
	id: string;
	kind: AnnotationKind;
	title: string;
	description: string | null;
	startsAt: string;
	endsAt: string | null;
	/** The file it was loaded from; null when entered on the page. */
	sourceFile: string | null;
	editedAt: string | null;
}

/** The form's fields as text (what the browser sent, kept to show it back on an error). */
export interface AnnotationForm {
	title: string;
	kind: string;
	startsAt: string;
	endsAt: string;
	description: string;
}

export interface ValidAnnotation {
	title: string;
	kind: AnnotationKind;
	/** Local wall-clock time in the unit's zone, YYYY-MM-DDTHH:MM. */
	startsAt: string;
	endsAt: string | null;
	description: string | null;
}

export type FieldErrors = Partial<Record<keyof AnnotationForm, Phrase>>;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

/** A local date and time as YYYY-MM-DDTHH:MM, or null when it is not one (Feb 30, 25:00 …). */
export function parseLocalDateTime(text: string): string | null {
	const m = LOCAL_DATE_TIME.exec(text.trim());
	if (!m) return null;
	const [, y, mo, d, h, mi] = m;
	const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
	if (probe.getUTCFullYear() !== Number(y) || probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d)) return null;
	if (probe.getUTCHours() !== Number(h) || probe.getUTCMinutes() !== Number(mi)) return null;
	return `${y}-${mo}-${d}T${h}:${mi}`;
}

export function readAnnotationForm(data: FormData): AnnotationForm {
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v : '';
	};
	return { title: text('title'), kind: text('kind'), startsAt: text('startsAt'), endsAt: text('endsAt'), description: text('description') };
}

/** Check a form; every field's problem at once. `today` bounds the years accepted (1980 to next year, as loads do). */
export function validateAnnotation(form: AnnotationForm, today: string): { value: ValidAnnotation | null; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const title = form.title.trim();
	if (!title) errors.title = { key: 'annotations.error.titleRequired' };
	else if (title.length > MAX_TITLE) errors.title = { key: 'annotations.error.titleTooLong', params: { max: MAX_TITLE } };
	if (!(ANNOTATION_KINDS as readonly string[]).includes(form.kind)) errors.kind = { key: 'annotations.error.kind' };
	const lastYear = Number(today.slice(0, 4)) + 1;
	const inRange = (v: string) => Number(v.slice(0, 4)) >= 1980 && Number(v.slice(0, 4)) <= lastYear;
	let startsAt: string | null = null;
	if (!form.startsAt.trim()) errors.startsAt = { key: 'annotations.error.startsRequired' };
	else if (!(startsAt = parseLocalDateTime(form.startsAt))) errors.startsAt = { key: 'annotations.error.notDateTime', params: { value: form.startsAt.slice(0, 40) } };
	else if (!inRange(startsAt)) errors.startsAt = { key: 'annotations.error.outOfRange' };
	let endsAt: string | null = null;
	if (form.endsAt.trim()) {
		if (!(endsAt = parseLocalDateTime(form.endsAt))) errors.endsAt = { key: 'annotations.error.notDateTime', params: { value: form.endsAt.slice(0, 40) } };
		else if (!inRange(endsAt)) errors.endsAt = { key: 'annotations.error.outOfRange' };
		else if (startsAt && endsAt < startsAt) errors.endsAt = { key: 'annotations.error.endsBeforeStart' };
	}
	const description = form.description.trim();
	if (description.length > MAX_DESCRIPTION) errors.description = { key: 'annotations.error.descriptionTooLong', params: { max: MAX_DESCRIPTION } };
	if (Object.keys(errors).length > 0) return { value: null, errors };
	return { value: { title, kind: form.kind as AnnotationKind, startsAt: startsAt!, endsAt, description: description || null }, errors };
}

function toAnnotation(r: Record<string, unknown>): Annotation {
	return {
		id: String(r.id),
		kind: r.kind as AnnotationKind,
		title: String(r.title),
		description: (r.description as string | null) ?? null,
		startsAt: String(r.starts_at),
		endsAt: (r.ends_at as string | null) ?? null,
		sourceFile: (r.source_file as string | null) ?? null,
		editedAt: (r.edited_at as string | null) ?? null
	};
}

export async function listAnnotations(db: Database): Promise<Annotation[]> {
	return (await db.query('annotations/list')).map(toAnnotation);
}

/** An annotation as the edit form shows it (local times), or null. */
export async function annotationForm(db: Database, id: string, timeZone: string): Promise<AnnotationForm | null> {
	const [r] = await db.query<{ kind: string; title: string; description: string | null; starts_local: string; ends_local: string | null }>('annotations/get', { id, tz: timeZone });
	if (!r) return null;
	return { title: r.title, kind: r.kind, startsAt: r.starts_local, endsAt: r.ends_local ?? '', description: r.description ?? '' };
}

export function newAnnotationId(): string {
	return `manual-${crypto.randomBytes(4).toString('hex')}`;
}

export async function createAnnotation(db: Database, a: ValidAnnotation, timeZone: string, id = newAnnotationId()): Promise<string> {
	await db.query('annotations/insert', { id, kind: a.kind, title: a.title, description: a.description, starts_at: a.startsAt, ends_at: a.endsAt, tz: timeZone });
	return id;
}

/** Returns false when there is no such annotation. */
export async function updateAnnotation(db: Database, id: string, a: ValidAnnotation, timeZone: string): Promise<boolean> {
	return db.transaction(async (conn) => {
		const rows = await queryOn(conn, 'annotations/update', { id, kind: a.kind, title: a.title, description: a.description, starts_at: a.startsAt, ends_at: a.endsAt, tz: timeZone });
		if (rows.length > 0) await execOn(conn, 'annotations/record_edit', { id });
		return rows.length > 0;
	});
}

export async function deleteAnnotation(db: Database, id: string): Promise<boolean> {
	return db.transaction(async (conn) => {
		await execOn(conn, 'annotations/forget_edit', { id });
		return (await queryOn(conn, 'annotations/delete', { id })).length > 0;
	});
}

export interface AnnotationsPage {
	annotations: (Annotation & { peaks: number })[];
	unexplained: Peak[];
	today: string;
	attributionHours: number;
}

/** The annotations with how many peaks each explains, and the latest unexplained peaks. */
export async function getAnnotationsPage(db: Database, settings: Settings): Promise<AnnotationsPage> {
	const [annotations, peaks] = await Promise.all([listAnnotations(db), listPeaks(db, settings, { limit: 5000 })]);
	const explained = new Map<string, number>();
	for (const p of peaks) if (p.annotation) explained.set(p.annotation.id, (explained.get(p.annotation.id) ?? 0) + 1);
	return {
		annotations: annotations.map((a) => ({ ...a, peaks: explained.get(a.id) ?? 0 })),
		unexplained: peaks.filter((p) => !p.annotation).slice(0, 20),
		today: todayIn(settings.unit.timeZone),
		attributionHours: settings.peaks.attributionHours
	};
}
