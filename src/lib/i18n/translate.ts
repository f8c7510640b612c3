/**
 * Translation without Svelte: used by the components (through ./index.ts) and by the server
 * and the command-line jobs (to write English reasons into logs, CSV downloads and the CLI).
 * Relative imports only, so tsx can run it.
 */
import { formatNumber, type Language } from '../calendar';
import { en } from './en';

type Plural = { readonly zero?: string; readonly one?: string; readonly two?: string; readonly few?: string; readonly many?: string; readonly other: string };
export type Message = string | Plural;
export type MessageKey = keyof typeof en;
export type Dictionary = { readonly [K in MessageKey]: Message };
export type Params = Record<string, string | number>;

const dictionaries: Partial<Record<Language, Dictionary>> = { en };

/** Languages with a dictionary, in preference order for negotiation. */
export const AVAILABLE_LANGUAGES = Object.keys(dictionaries) as Language[];

export function isAvailable(lang: string): lang is Language {
	return (AVAILABLE_LANGUAGES as string[]).includes(lang);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Language): Translate {
	const dict = dictionaries[lang] ?? en;
	const rules = new Intl.PluralRules(lang);
	return (key, params = {}) => {
		let msg: Message = dict[key] ?? en[key];
		if (typeof msg !== 'string') {
			const n = Number(params.count ?? 0);
			msg = (msg as Plural)[rules.select(n)] ?? msg.other;
		}
		return msg.replace(/\{(\w+)\}/g, (whole, name: string) => {
			const v = params[name];
			if (v === undefined) return whole;
			return typeof v === 'number' ? formatNumber(v, { language: lang }) : v;
		});
	};
}

/** Choose the interface language: an explicit choice, then the browser's Accept-Language, then the unit's default. */
export function negotiateLanguage(choice: string | null | undefined, acceptLanguage: string | null, fallback: Language): Language {
	if (choice && isAvailable(choice)) return choice;
	const wanted = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...rest] = part.trim().split(';');
			const q = rest.find((r) => r.trim().startsWith('q='));
			return { lang: (tag ?? '').toLowerCase().split('-')[0]!, q: q ? Number(q.trim().slice(2)) : 1 };
		})
		.filter((x) => x.lang)
		.sort((a, b) => b.q - a.q);
	for (const w of wanted) if (isAvailable(w.lang)) return w.lang;
	return isAvailable(fallback) ? fallback : 'en';
}

/** A reason a row, file or run could not be loaded: a message key and its parameters. */
export type ProblemKey = Extract<MessageKey, `problem.${string}`>;
export interface Problem {
	key: ProblemKey;
	params?: Params;
}

export const problem = (key: ProblemKey, params?: Params): Problem => (params ? { key, params } : { key });

const english = translator('en');

/** The English text of a problem (logs, CLI, CSV downloads, the stored fallback text). */
export function inEnglish(p: Problem): string {
	return english(p.key, p.params);
}
