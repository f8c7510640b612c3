import { fail } from '@sveltejs/kit';
import { by } from '$lib/server/auth/web';
import { IRAN_HOLIDAYS } from '$lib/server/business-calendar/holidays';
import { policyHistory } from '$lib/server/sla/policies';
import { currentForm, importIcal, parseSlaForm, PAUSABLE, restoreShipped, saveSlaSettings } from '$lib/server/sla/settings-form';
import type { Actions, PageServerLoad } from './$types';

/** Largest iCal file accepted (a holiday calendar is a few kilobytes). */
const MAX_ICAL_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals }) => {
	const { db, settings } = locals.runtime;
	return {
		form: await currentForm(db, settings),
		// The list names a shipped holiday in the reader's language (the stored name is the language it was added in).
		holidays: settings.business_calendar.holidays.map((h) => {
			const shipped = h.source === 'official' || h.source === 'computed' ? IRAN_HOLIDAYS.holidays.find((x) => x.date === h.date) : undefined;
			return shipped ? { ...h, name: locals.locale.language === 'fa' ? shipped.fa : shipped.en } : h;
		}),
		history: await policyHistory(db),
		pausable: PAUSABLE,
		shippedAbout: IRAN_HOLIDAYS.about,
		timeZone: settings.unit.timeZone
	};
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const { db, settings } = locals.runtime;
		const parsed = parseSlaForm(await request.formData(), settings.business_calendar.holidays);
		if (!parsed.candidate) return fail(400, { action: 'save' as const, values: parsed.values, errors: parsed.errors });
		const result = await saveSlaSettings(db, settings, parsed.candidate, by(locals));
		return { action: 'save' as const, saved: true, version: result.version };
	},
	importIcal: async ({ locals, request }) => {
		const { db, settings } = locals.runtime;
		const file = (await request.formData()).get('ical');
		if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'ical' as const, icalError: { key: 'sla.error.icalMissing' as const } });
		if (file.size > MAX_ICAL_BYTES) return fail(400, { action: 'ical' as const, icalError: { key: 'sla.error.icalUnreadable' as const, params: { detail: `${file.size} bytes` } } });
		const result = await importIcal(db, settings, await file.text(), by(locals));
		if (!result.ok) return fail(400, { action: 'ical' as const, icalError: result.phrase });
		return { action: 'ical' as const, added: result.added };
	},
	restoreShipped: async ({ locals }) => {
		const { db, settings } = locals.runtime;
		const result = await restoreShipped(db, settings, locals.locale.language, by(locals));
		if (!result.ok) return fail(400, { action: 'shipped' as const, icalError: result.phrase });
		return { action: 'shipped' as const, added: result.added };
	}
};
