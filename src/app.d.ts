import type { LocaleSettings } from '$lib/calendar';
import type { Logger } from '$lib/server/log';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Locals {
			runtime: Runtime;
			locale: LocaleSettings;
			/** Set by handleRequestLog (src/lib/server/log.ts) before any other handle. */
			requestId: string;
			log: Logger;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
