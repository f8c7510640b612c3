/**
 * Which text encoding a file's bytes are in, from its first bytes: used by the upload page (in
 * its Web Worker, to show a preview) and by the server (to turn an upload into the UTF-8 the
 * loader reads). Browser and Node both decode all of these with TextDecoder.
 *
 * - a byte-order mark says UTF-8 with BOM, UTF-16 LE or UTF-16 BE;
 * - UTF-16 without a mark shows as a zero byte beside nearly every ASCII character;
 * - bytes that are valid UTF-8 (and not plain ASCII only by chance) are UTF-8;
 * - otherwise a legacy single-byte code page. Persian text exported by Excel on Windows is
 *   Windows-1256: its letters (bytes ≥ 0x80) come in runs, words of several letters, and
 *   decode to Arabic-script letters; Western European text in Windows-1252 has a lone accented
 *   letter among ASCII ones ("café", "Größe"). The share of high bytes that stand beside
 *   another high byte and decode to an Arabic-script letter tells them apart.
 */

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1256'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function isEncoding(s: string | null | undefined): s is Encoding {
	return (ENCODINGS as readonly string[]).includes(s ?? '');
}

/** The WHATWG label TextDecoder takes for an encoding. */
export function decoderLabel(e: Encoding): string {
	return e === 'utf-8-bom' ? 'utf-8' : e;
}

/** Bytes of the byte-order mark an encoding's files start with (0 when it has none). */
export function bomLength(e: Encoding): number {
	return e === 'utf-8-bom' ? 3 : e === 'utf-16le' || e === 'utf-16be' ? 2 : 0;
}

export interface EncodingGuess {
	encoding: Encoding;
	/** Why: 'bom', 'zero-bytes', 'utf8', 'ascii', 'arabic-script', 'latin'. */
	reason: 'bom' | 'zero-bytes' | 'utf8' | 'ascii' | 'arabic-script' | 'latin';
}

/** Whether bytes are valid UTF-8, allowing a sequence cut off at the very end (a sample's edge). */
function validUtf8(bytes: Uint8Array): boolean {
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i]!;
		let need = 0;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) need = 2;
		else if (b >= 0xf0 && b <= 0xf4) need = 3;
		else return false;
		for (let k = 1; k <= need; k++) {
			if (i + k >= n) return true; // cut off by the sample
			if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
		}
		i += need + 1;
	}
	return true;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

let table1256: string[] | null = null;
/** What each byte 0x80-0xFF means in Windows-1256. */
function windows1256(): string[] {
	if (!table1256) {
		const d = new TextDecoder('windows-1256');
		table1256 = Array.from({ length: 128 }, (_, i) => d.decode(new Uint8Array([0x80 + i])));
	}
	return table1256;
}

/** Guess a file's encoding from its first bytes (64 KB is plenty). */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', reason: 'bom' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', reason: 'bom' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', reason: 'bom' };
	const sample = bytes.subarray(0, 65536);
	// UTF-16 without a mark: zeros at odd positions (LE) or even ones (BE) for ASCII text.
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
	const half = sample.length / 2;
	if (half > 0 && zeroOdd > half * 0.3 && zeroEven < half * 0.05) return { encoding: 'utf-16le', reason: 'zero-bytes' };
	if (half > 0 && zeroEven > half * 0.3 && zeroOdd < half * 0.05) return { encoding: 'utf-16be', reason: 'zero-bytes' };
	let high = 0;
	for (const b of sample) if (b >= 0x80) high++;
	if (high === 0) return { encoding: 'utf-8', reason: 'ascii' };
	if (validUtf8(sample)) return { encoding: 'utf-8', reason: 'utf8' };
	const table = windows1256();
	let arabicInRuns = 0;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i]!;
		if (b < 0x80) continue;
		const besideHigh = (i > 0 && sample[i - 1]! >= 0x80) || (i + 1 < sample.length && sample[i + 1]! >= 0x80);
		if (besideHigh && ARABIC_SCRIPT.test(table[b - 0x80]!)) arabicInRuns++;
	}
	return arabicInRuns / high >= 0.5 ? { encoding: 'windows-1256', reason: 'arabic-script' } : { encoding: 'windows-1252', reason: 'latin' };
}

/**
 * Text of a sample of a file in an encoding: the byte-order mark left out, a character cut off
 * at the sample's end dropped (the sample ends wherever its last byte fell), Persian yeh
 * restored in Windows-1256 (see restoreYeh).
 */
export function decodeSample(bytes: Uint8Array, encoding: Encoding): string {
	const d = new TextDecoder(decoderLabel(encoding), { ignoreBOM: false });
	const text = d.decode(bytes, { stream: true }).replace(/^\uFEFF/, '');
	return encoding === 'windows-1256' ? restoreYeh(text) : text;
}

/**
 * Windows-1256 has no Persian yeh (ی): Windows writes it as the Arabic one (ي, or ى), so a
 * Persian Excel export holds Arabic yeh throughout. The upload preview and the server's
 * conversion to UTF-8 both write it back as ی, so a header and a name read the same as in the
 * product's other data. (Kaf needs nothing: Windows-1256 has both ك and ک.)
 */
export function restoreYeh(text: string): string {
	return text.replace(/[\u064A\u0649]/g, '\u06CC');
}

/** Arabic yeh and kaf (as Windows-1256 and Arabic keyboards write them) as their Persian letters. */
export function persianLetters(s: string): string {
	return s.replace(/\u064A/g, '\u06CC').replace(/\u0649/g, '\u06CC').replace(/\u0643/g, '\u06A9');
}
