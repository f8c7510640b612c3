/**
 * Structured logs: one JSON line per request with its id, the id sent back to the client,
 * a proxy's id kept; errors logged with the id the page shows.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { handleRequestLog, handleServerError, log, requestIdFor, setLogger } from '../../src/lib/server/log';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _enc, cb) {
			for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
			cb();
		}
	});
	setLogger({ level: 'info', destination: stream });
	return lines;
}

function event(headers: Record<string, string> = {}) {
	const request = new Request('http://127.0.0.1/data?x=1', { headers });
	return { request, url: new URL(request.url), locals: {} } as unknown as Parameters<typeof handleRequestLog>[0]['event'];
}

afterEach(() => setLogger({ level: 'silent' }));

describe('request ids', () => {
	it('are new for each request, or the proxy’s when it sends a sane one', () => {
		const a = requestIdFor(new Headers());
		const b = requestIdFor(new Headers());
		expect(a).toMatch(/^[0-9a-f]{6}-[0-9a-z]+$/);
		expect(a).not.toBe(b);
		expect(requestIdFor(new Headers({ 'x-request-id': 'lb-7f3a.2' }))).toBe('lb-7f3a.2');
		expect(requestIdFor(new Headers({ 'x-request-id': 'has spaces; and <markup>' }))).toMatch(/^[0-9a-f]{6}-[0-9a-z]+$/);
	});
});

describe('handleRequestLog', () => {
	it('logs one line per request with its id, status and duration, and sends the id back', async () => {
		const lines = capture();
		const e = event({ 'x-request-id': 'abc-1' });
		const res = await handleRequestLog({ event: e, resolve: async () => new Response('ok', { status: 201 }) });
		expect(res.headers.get('x-request-id')).toBe('abc-1');
		expect(e.locals.requestId).toBe('abc-1');
		await new Promise((r) => setTimeout(r, 20));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ level: 30, reqId: 'abc-1', method: 'GET', path: '/data', status: 201, msg: 'request' });
		expect(typeof lines[0]!.ms).toBe('number');
	});

	it('logs a failed request as an error, with the id the error page shows', async () => {
		const lines = capture();
		const e = event();
		await expect(
			handleRequestLog({
				event: e,
				resolve: async () => {
					const shown = handleServerError({ error: new Error('boom'), event: e, status: 500, message: 'Internal Error' });
					expect(shown).toEqual({ message: `Internal Error (request ${e.locals.requestId})` });
					throw new Error('boom');
				}
			})
		).rejects.toThrow('boom');
		await new Promise((r) => setTimeout(r, 20));
		expect(lines.map((l) => [l.level, l.msg, l.reqId])).toEqual([
			[50, 'unhandled error', e.locals.requestId],
			[50, 'request failed', e.locals.requestId]
		]);
		expect((lines[0]!.err as { message: string }).message).toBe('boom');
	});

	it('logs a refusal thrown on the way (the guard’s 403, a redirect) with its own status, not as a failure', async () => {
		const { error, redirect } = await import('@sveltejs/kit');
		const lines = capture();
		for (const thrown of [() => error(403, 'forbidden'), () => redirect(303, '/login')]) {
			await expect(handleRequestLog({ event: event(), resolve: async () => thrown() })).rejects.toBeDefined();
		}
		await new Promise((r) => setTimeout(r, 20));
		expect(lines.map((l) => [l.level, l.msg, l.status])).toEqual([
			[30, 'request', 403],
			[30, 'request', 303]
		]);
	});

	it('shares one logger per process', () => {
		expect(log()).toBe(log());
	});
});
