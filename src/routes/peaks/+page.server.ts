import { markAlertsSeen, recentAlerts, webhookUrl } from '$lib/server/alerts/alerts';
import { peaksForRequest } from '$lib/server/peaks/peaks';
import { viewerOf } from '$lib/server/peaks/viewer';
import type { Actions, PageServerLoad } from './$types';

/** Where alerts go, without path or query (a webhook URL often carries a secret token). */
function webhookOrigin(url: string | null): string | null {
	if (!url) return null;
	try {
		return new URL(url).origin;
	} catch {
		return url.slice(0, 40);
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const [result, alerts] = await Promise.all([peaksForRequest(db, settings, locals.locale, url.searchParams, viewerOf(locals)), recentAlerts(db, 20)]);
	const peakKey = url.searchParams.get('peak');
	return {
		today: result.today,
		errors: result.errors,
		notes: result.notes,
		page: result.page,
		mayIdentify: result.mayIdentify,
		peakNotFound: peakKey && !result.page.selected ? peakKey.slice(0, 60) : null,
		alerts,
		webhook: webhookOrigin(webhookUrl(settings))
	};
};

export const actions: Actions = {
	seen: async ({ locals }) => {
		await markAlertsSeen(locals.runtime.db);
		return { seen: true };
	}
};
