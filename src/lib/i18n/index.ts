/**
 * The i18n layer. Every user-visible string is a key here; a component gets `t` from the
 * context set by the root layout, so a request's language never leaks into another's.
 * Dictionaries live in ./messages, one file per domain with English and Persian side by side.
 */
import { getContext, setContext } from 'svelte';
import type { Language, LocaleSettings } from '$lib/calendar';
import { makeFormat, type Format } from '../format';
import { translator, type Phrase, type Translate } from './translate';

export * from './translate';

export interface I18n {
	lang: Language;
	locale: LocaleSettings;
	t: Translate;
	/** Format presets in this language and calendar (src/lib/format.ts). */
	fmt: Format;
	/** A stored problem or a validation message, in the reader's language. */
	describe: (p: Phrase) => string;
}

const KEY = Symbol('i18n');

export function setI18n(locale: LocaleSettings): I18n {
	const t = translator(locale.language);
	const value: I18n = { lang: locale.language, locale, t, fmt: makeFormat(locale, t), describe: (p) => t(p.key, p.params) };
	setContext(KEY, value);
	return value;
}

export function getI18n(): I18n {
	const value = getContext<I18n | undefined>(KEY);
	if (!value) throw new Error('i18n context missing: components must render inside the root layout');
	return value;
}
