/**
 * Structured logs: JSON lines (pino) on stdout, one logger for the server and the jobs.
 * Every HTTP request gets a request id (`reqId`, also sent back as the `x-request-id`
 * header, or taken from a reverse proxy's header) and every ingest run a run id (`runId`),
 * so that one request's or one run's lines can be picked out of the log with `grep`/`jq`.
 *
 * Level: CARE_LOG_LEVEL (trace, debug, info, warn, error, fatal, silent); info by default,
 * silent under Vitest unless set. The command line sends its log to stderr at warn (see
 * jobs/cli.ts) so that its own report stays readable.
 */
import crypto from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Handle, HandleServerError } from '@sveltejs/kit';

export type { Logger };

function defaultLevel(): string {
	return process.env.CARE_LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info');
}

function create(options: { level?: string; destination?: DestinationStream | number } = {}): Logger {
	const destination = options.destination ?? 1;
	return pino(
		{ level: options.level ?? defaultLevel(), base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
		// Asynchronous writes on stdout (a request does not wait for the terminal); pino flushes on exit.
		typeof destination === 'number' ? pino.destination({ dest: destination, sync: false }) : destination
	);
}

const KEY = Symbol.for('care-dashboard.logger');
type Pinned = { [KEY]?: Logger };

/** The process's logger (one per process, shared by the app bundle and tsx-run jobs). */
export function log(): Logger {
	const pinned = globalThis as Pinned;
	return (pinned[KEY] ??= create());
}

/** Replace the process's logger: the CLI (stderr, warn) and tests (a stream they read). */
export function setLogger(options: { level?: string; destination?: DestinationStream | number }): Logger {
	return ((globalThis as Pinned)[KEY] = create(options));
}

const GIVEN_ID = /^[\w.:-]{1,64}$/;
// Ids of this process: a random prefix (so two runs of the server never share ids) and a counter.
const ID_PREFIX = crypto.randomBytes(3).toString('hex');
let sequenceNo = 0;

/** A request id: the proxy's X-Request-Id when it looks like one, else a new one of this process. */
export function requestIdFor(headers: Headers): string {
	const given = headers.get('x-request-id');
	return given && GIVEN_ID.test(given) ? given : `${ID_PREFIX}-${(++sequenceNo).toString(36)}`;
}

/**
 * The first handle of the chain: gives the request its id and child logger (locals.log),
 * and writes one line per request with its status and duration.
 */
export const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const reqId = requestIdFor(event.request.headers);
	const reqLog = log().child({ reqId });
	event.locals.requestId = reqId;
	event.locals.log = reqLog;
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		// A response built by fetch() or a redirect may have immutable headers.
		try {
			response.headers.set('x-request-id', reqId);
		} catch {
			// left without the header
		}
		return response;
	} catch (e) {
		// A refusal thrown by a later handle (the guard's error(403), a redirect) is answered
		// with its own status, not as a failure.
		// (Recognised by shape: this module is loaded by the command line too, without SvelteKit.)
		const thrown = e as { status?: unknown; body?: unknown; location?: unknown } | null;
		if (thrown && typeof thrown.status === 'number' && ('body' in thrown || 'location' in thrown)) status = thrown.status;
		throw e;
	} finally {
		const ms = Math.round((performance.now() - started) * 10) / 10;
		const line = { method: event.request.method, path: event.url.pathname, status, ms };
		if (status >= 500) reqLog.error(line, 'request failed');
		else reqLog.info(line, 'request');
	}
};

/** Unexpected errors: logged whole with the request id; the page shows the id, not the stack. */
export const handleServerError: HandleServerError = ({ error, event, status, message }) => {
	const reqId = event.locals.requestId ?? requestIdFor(event.request.headers);
	if (status !== 404) (event.locals.log ?? log()).error({ err: error, status, path: event.url.pathname }, 'unhandled error');
	return { message: `${message} (request ${reqId})` };
};
