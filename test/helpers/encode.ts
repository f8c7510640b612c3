/**
 * Text to bytes in the encodings uploads come in, for fixtures: TextEncoder writes only UTF-8,
 * so the single-byte code pages are encoded through the reverse of TextDecoder's own table.
 * Persian yeh (ی, U+06CC) is not in Windows-1256: Windows writes it as Arabic yeh (ي, 0xED),
 * as Excel does when it saves Persian text as "CSV"; the same here.
 */
import type { Encoding } from '../../src/lib/upload/encoding';

const BEST_FIT: Record<string, string> = { '\u06CC': '\u064A' };

function singleByte(text: string, label: 'windows-1252' | 'windows-1256'): Uint8Array {
	const decoder = new TextDecoder(label);
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) {
		const ch = decoder.decode(new Uint8Array([b]));
		if (!table.has(ch)) table.set(ch, b);
	}
	const out: number[] = [];
	for (const ch of text) {
		const b = table.get(ch) ?? table.get(BEST_FIT[ch] ?? '');
		if (b === undefined) throw new Error(`${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)}) has no byte in ${label}`);
		out.push(b);
	}
	return new Uint8Array(out);
}

export function encodeText(text: string, encoding: Encoding): Uint8Array {
	switch (encoding) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
			return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
		case 'utf-16le':
			return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
		case 'utf-16be': {
			const le = Buffer.from(text, 'utf16le');
			for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
			return new Uint8Array([0xfe, 0xff, ...le]);
		}
		case 'windows-1252':
		case 'windows-1256':
			return singleByte(text, encoding);
	}
}
