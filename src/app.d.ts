import type { LocaleSettings } from '$lib/calendar';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Locals {
			runtime: Runtime;
			locale: LocaleSettings;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
