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
	/** Arguments that choose a branch (select): passed as they are. */
	selectors: Set<string>;
}

type AstNode = { type: number; value?: string; options?: Record<string, { value: AstNode[] }>; children?: AstNode[] };

/** Names of the arguments of some kinds in an ICU message's AST. */
function argumentsOfType(nodes: AstNode[], types: number[], out = new Set<string>()): Set<string> {
	for (const n of nodes) {
		if (types.includes(n.type) && n.value) out.add(n.value);
		if (n.options) for (const o of Object.values(n.options)) argumentsOfType(o.value, types, out);
		if (n.children) argumentsOfType(n.children, types, out);
	}
	return out;
}
// TYPE of @formatjs/icu-messageformat-parser: 1 = plain argument, 2 = number, 5 = select, 6 = plural.
const NUMERIC = [2, 6];
const SELECT = [5];

/** Languages written right to left: their messages isolate text arguments (below). */
const RTL: ReadonlySet<Language> = new Set(['fa']);
/**
 * First-strong isolate (U+2068 … U+2069) around a text argument of a right-to-left message: a
 * file name, a path or an example such as "2024-03-01 08:15" then keeps its own direction
 * instead of being reordered by the Persian sentence around it (as Fluent's useIsolating).
 */
const isolate = (text: string) => `\u2068${text}\u2069`;
/** Text that holds left-to-right letters or Latin digits (only such text can be reordered wrongly). */
const LATIN = /[A-Za-z0-9]/;

const compiled = new Map<string, Compiled>();

function compile(lang: Language, key: MessageKey): Compiled {
	const id = `${lang}\u0000${key}`;
	let c = compiled.get(id);
	if (!c) {
		const text = DICTIONARIES[lang][key] ?? en[key];
		// ignoreTag: "<dataset>" in a message is text, not rich-text markup.
		const format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
		const ast = format.getAst() as unknown as AstNode[];
		c = { format, numeric: argumentsOfType(ast, NUMERIC), selectors: argumentsOfType(ast, SELECT) };
		compiled.set(id, c);
	}
	return c;
}

export function translator(lang: Language): Translate {
	const rtl = RTL.has(lang);
	return (key, params = {}) => {
		const c = compile(lang, key);
		const values: Record<string, string | number> = {};
		for (const [k, v] of Object.entries(params)) {
			// A plain {n} with a number shows it with the language's digits and separators.
			if (typeof v === 'number') values[k] = c.numeric.has(k) ? v : formatNumber(v, { language: lang });
			else values[k] = rtl && LATIN.test(v) && !c.selectors.has(k) && !c.numeric.has(k) ? isolate(v) : v;
		}
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
