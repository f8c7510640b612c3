/**
 * Posting an alert to the unit's webhook: the one outbound request the server makes. Plain
 * JSON over http(s), a 5-second time limit, no redirects followed (a redirect is a failure,
 * not a second request somewhere else). Never throws: the outcome says what happened.
 */
export interface PostOutcome {
	ok: boolean;
	status: number | null;
	error: string | null;
}

export type Fetch = typeof fetch;

export const WEBHOOK_TIMEOUT_MS = 5000;

/** Why a webhook URL cannot be used, or null when it can. */
export function webhookUrlProblem(url: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `"${url}" is not an http or https URL`;
	return null;
}

export async function postJson(url: string, body: unknown, fetchImpl: Fetch = fetch, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<PostOutcome> {
	const problem = webhookUrlProblem(url);
	if (problem) return { ok: false, status: null, error: problem };
	try {
		const res = await fetchImpl(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'user-agent': 'care-dashboard-alerts' },
			body: JSON.stringify(body),
			redirect: 'manual',
			signal: AbortSignal.timeout(timeoutMs)
		});
		// The body is not needed; read it so the connection is released.
		await res.arrayBuffer().catch(() => undefined);
		if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
		return { ok: false, status: res.status, error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
	} catch (e) {
		const err = e as Error & { cause?: { code?: string; message?: string } };
		const detail = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
		return { ok: false, status: null, error: detail };
	}
}
