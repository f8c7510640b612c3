import type { LocaleSettings } from '$lib/calendar';
import type { Logger } from '$lib/server/log';
import type { Viewer } from '$lib/server/auth/roles';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Locals {
			runtime: Runtime;
			locale: LocaleSettings;
			/** Set by handleRequestLog (src/lib/server/log.ts) before any other handle. */
			requestId: string;
			log: Logger;
			/** Who sends the request (a user, an API token, the CLI); null when anonymous. Set by the guard. */
			user: Viewer | null;
			/** The hash of the session cookie's id, when signed in with one (for sign-out). */
			sessionHash: string | null;
			/** The client's address (the trusted proxy's X-Forwarded-For, or the socket's peer). */
			ip: string;
			/** The browser reached the server over HTTPS (through the trusted proxy): cookies get Secure. */
			secure: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
