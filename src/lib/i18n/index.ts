/**
 * The i18n layer. Every user-visible string is a key here; a component gets `t` from the
 * context set by the root layout, so a request's language never leaks into another's.
 * Adding a language = adding a dictionary with the same keys (typed against English).
 */
import { getContext, setContext } from 'svelte';
import type { Language, LocaleSettings } from '$lib/calendar';
import { translator, type Problem, type Translate } from './translate';

export * from './translate';

export interface I18n {
	lang: Language;
	locale: LocaleSettings;
	t: Translate;
	/** A stored problem in the reader's language. */
	describe: (p: Problem) => string;
}

const KEY = Symbol('i18n');

export function setI18n(locale: LocaleSettings): I18n {
	const t = translator(locale.language);
	const value: I18n = { lang: locale.language, locale, t, describe: (p) => t(p.key, p.params) };
	setContext(KEY, value);
	return value;
}

export function getI18n(): I18n {
	const value = getContext<I18n | undefined>(KEY);
	if (!value) throw new Error('i18n context missing: components must render inside the root layout');
	return value;
}
