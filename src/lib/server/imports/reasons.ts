/**
 * Why a file could not be read or loaded, in words a user can act on. Errors thrown by the
 * file system, the parsers or DuckDB carry messages meant for programmers ("EACCES",
 * "Maximum call stack size exceeded"); here they become i18n problems. Errors of the disk or
 * the database as a whole (a full disk, a read-only folder) are not the file's fault: see
 * ../storage.ts, which stops the run and leaves the files in the inbox.
 */
import { problem, type Problem } from '../../i18n/translate';

/** The errno code of a Node.js error (ENOENT, EACCES …), if it has one. */
export function errnoCode(e: unknown): string | undefined {
	const code = (e as NodeJS.ErrnoException | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** JSON nested deeper than this is refused: real exports are a few levels deep, and deeper data overflows recursive code. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in JSON text, and the line where it first goes
 * past `limit` (scanning stops there). Strings are skipped, escapes included.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): { depth: number; line: number | null } {
	let depth = 0;
	let max = 0;
	let line = 1;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) line++;
		if (inString) {
			if (c === 92) i++; // backslash: skip the escaped character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 91 || c === 123) {
			if (++depth > max) {
				max = depth;
				if (max > limit) return { depth: max, line };
			}
		} else if (c === 93 || c === 125) depth--;
	}
	return { depth: max, line: null };
}

/** A file-level reason for an error raised while reading or loading one file. */
export function explainFileError(e: unknown): Problem {
	const code = errnoCode(e);
	const message = e instanceof Error ? e.message : String(e);
	switch (code) {
		case 'ENOENT':
			return problem('problem.fileVanished');
		case 'EACCES':
		case 'EPERM':
			return problem('problem.fileNoPermission');
		case 'EISDIR':
			return problem('problem.fileIsFolder');
		case 'EIO':
			return problem('problem.fileReadError', { detail: message });
		case 'ERR_FS_FILE_TOO_LARGE':
			return problem('problem.fileTooLargeToReadWhole', { sizeMb: '>2048', maxMb: 256 });
	}
	if (e instanceof RangeError) {
		if (/call stack/i.test(message)) return problem('problem.jsonTooDeep', { max: MAX_JSON_DEPTH, line: '?' });
		// V8's longest string is ~512 MB: one value or line that long (an unclosed quote, say).
		if (/string length/i.test(message)) return problem('problem.valueTooLong');
	}
	if (/out of memory/i.test(message)) return problem('problem.outOfMemory', { detail: firstLine(message) });
	return problem('problem.loadUndone', { detail: firstLine(message) });
}

function firstLine(s: string): string {
	const line = s.split('\n')[0] ?? s;
	return line.length > 300 ? line.slice(0, 300) + '…' : line;
}
