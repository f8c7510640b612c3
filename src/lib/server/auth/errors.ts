import { inEnglishPhrase, type Phrase } from '../../i18n/translate';

/** A refused account change (bad login, weak password, last administrator…); `phrase` says why in the reader's language. */
export class AccountError extends Error {
	constructor(
		readonly phrase: Phrase,
		readonly status: 400 | 404 | 409 = 400
	) {
		super(inEnglishPhrase(phrase));
	}
}
