import { fail } from '@sveltejs/kit';
import { todayIn } from '$lib/calendar';
import {
	annotationForm,
	createAnnotation,
	deleteAnnotation,
	getAnnotationsPage,
	readAnnotationForm,
	updateAnnotation,
	validateAnnotation,
	type AnnotationForm
} from '$lib/server/annotations/annotations';
import { listPeaks } from '$lib/server/peaks/peaks';
import type { Actions, PageServerLoad } from './$types';

const EMPTY: AnnotationForm = { title: '', kind: 'release', startsAt: '', endsAt: '', description: '' };

/** Local wall-clock text (YYYY-MM-DDTHH:MM) of an instant in a zone, for a datetime-local field. */
function localInput(instant: string, timeZone: string): string {
	const d = new Date(instant.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
	const get = (type: string) => parts.find((p) => p.type === type)!.value;
	return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const page = await getAnnotationsPage(db, settings);
	const editId = url.searchParams.get('edit');
	const peakKey = url.searchParams.get('peak');
	let form: AnnotationForm = EMPTY;
	let editing: string | null = null;
	let fromPeak: { key: string; startAt: string; grain: 'day' | 'hour'; firstDay: string; lastDay: string; endAt: string } | null = null;
	let unknown: string | null = null;
	if (editId) {
		const existing = await annotationForm(db, editId, locals.locale.timeZone);
		if (existing) {
			form = existing;
			editing = editId;
		} else unknown = editId.slice(0, 80);
	} else if (peakKey) {
		const [peak] = await listPeaks(db, settings, { key: peakKey });
		if (peak) {
			// A release or incident starts at or before its peak: start from the peak's first hour.
			form = { ...EMPTY, kind: 'incident', startsAt: localInput(peak.startAt, locals.locale.timeZone) };
			fromPeak = peak;
		}
	}
	return { ...page, form, editing, fromPeak, unknown };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const { db } = locals.runtime;
		const data = await request.formData();
		const form = readAnnotationForm(data);
		const id = String(data.get('id') ?? '').trim() || null;
		const { value, errors } = validateAnnotation(form, todayIn(locals.locale.timeZone));
		if (!value) return fail(400, { form, errors, id });
		if (id) {
			if (!(await updateAnnotation(db, id, value, locals.locale.timeZone))) return fail(404, { form, errors: {}, id, unknown: id });
			return { saved: id };
		}
		return { created: await createAnnotation(db, value, locals.locale.timeZone) };
	},
	delete: async ({ locals, request }) => {
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await deleteAnnotation(locals.runtime.db, id))) return fail(404, { unknown: id.slice(0, 80) });
		return { deleted: id };
	}
};
