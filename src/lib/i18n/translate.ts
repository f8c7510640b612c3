/**
 * Translation without Svelte: used by the components (through ./index.ts) and by the server
 * and the command-line jobs (to write English reasons into logs, CSV downloads and the CLI).
 * Relative imports only, so tsx can run it.
 *
 * Messages are ICU MessageFormat, formatted with intl-messageformat. Nothing here is global
 * per request: a translator is a pure function of its language, so two requests in different
 * languages at once cannot see each other's strings (test/unit/i18n.test.ts checks it).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { formatNumber, type Language } from '../calendar';
import { en, fa, type Dictionary, type MessageKey } from './messages/index';

export type { MessageKey, Dictionary };
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Language, Dictionary> = { en, fa };

/** Languages with a dictionary, in preference order for negotiation. */
export const AVAILABLE_LANGUAGES = Object.keys(DICTIONARIES) as Language[];

export function isAvailable(lang: string): lang is Language {
	return (AVAILABLE_LANGUAGES as string[]).includes(lang);
}

export type Translate = (key: MessageKey, params?: Params) => string;

interface Compiled {
	format: IntlMessageFormat;
	/** Arguments the message formats itself (plural, number…): passed as numbers, not pre-formatted text. */
	numeric: Set<string>;
}

type AstNode = { type: number; value?: string; options?: Record<string, { value: AstNode[] }>; children?: AstNode[] };

/** Names of the arguments used as plural/select/number in an ICU message's AST. */
function numericArguments(nodes: AstNode[], out = new Set<string>()): Set<string> {
	for (const n of nodes) {
		// TYPE of @formatjs/icu-messageformat-parser: 2 = number, 6 = plural (5 = select takes text, 1 = plain).
		if ((n.type === 2 || n.type === 6) && n.value) out.add(n.value);
		if (n.options) for (const o of Object.values(n.options)) numericArguments(o.value, out);
		if (n.children) numericArguments(n.children, out);
	}
	return out;
}

const compiled = new Map<string, Compiled>();

function compile(lang: Language, key: MessageKey): Compiled {
	const id = `${lang}\u0000${key}`;
	let c = compiled.get(id);
	if (!c) {
		const text = DICTIONARIES[lang][key] ?? en[key];
		// ignoreTag: "<dataset>" in a message is text, not rich-text markup.
		const format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
		c = { format, numeric: numericArguments(format.getAst() as unknown as AstNode[]) };
		compiled.set(id, c);
	}
	return c;
}

export function translator(lang: Language): Translate {
	return (key, params = {}) => {
		const c = compile(lang, key);
		const values: Record<string, string | number> = {};
		// A plain {n} with a number shows it with the language's digits and separators.
		for (const [k, v] of Object.entries(params)) values[k] = typeof v === 'number' && !c.numeric.has(k) ? formatNumber(v, { language: lang }) : v;
		return String(c.format.format(values));
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
		.filter((x) => x.lang && x.lang !== '*' && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const w of wanted) if (isAvailable(w.lang)) return w.lang;
	return isAvailable(fallback) ? fallback : 'en';
}

/** Any message with its parameters, to be shown later in the reader's language (a validation error, say). */
export interface Phrase {
	key: MessageKey;
	params?: Params;
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

/** Any phrase in English (API error bodies, logs). */
export function inEnglishPhrase(p: Phrase): string {
	return english(p.key, p.params);
}

/** A problem in a given language (unknown keys of old records fall back to the key itself). */
export function describeIn(lang: Language, p: Problem): string {
	return p.key in en ? translator(lang)(p.key, p.params) : p.key;
}
