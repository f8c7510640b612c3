/** A language's strings for a domain: every key of the English messages, each an ICU message. */
export type Translation<T> = { readonly [K in keyof T]: string };
