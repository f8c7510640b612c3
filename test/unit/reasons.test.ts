/**
 * Every failure gets a reason a user can act on: errors from the file system, the parsers
 * and DuckDB become i18n problems; a full disk or a read-only folder is told apart from a
 * bad file.
 */
import { describe, expect, it } from 'vitest';
import { describeIn, inEnglish } from '../../src/lib/i18n/translate';
import { explainFileError, jsonDepth, MAX_JSON_DEPTH } from '../../src/lib/server/imports/reasons';
import { uploadLimitBytes } from '../../src/lib/server/imports/upload';
import { storageProblemOf } from '../../src/lib/server/storage';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('jsonDepth', () => {
	it('measures nesting outside strings, escapes included', () => {
		expect(jsonDepth('[{"a": [1, {"b": 2}]}]')).toEqual({ depth: 4, line: null });
		expect(jsonDepth('{"a": "[[[[{{{{", "b": "\\"[[["}')).toEqual({ depth: 1, line: null });
		expect(jsonDepth('"just a string"')).toEqual({ depth: 0, line: null });
	});

	it('stops at the line where it goes past the limit', () => {
		const text = '[\n{"ok": 1},\n' + '['.repeat(MAX_JSON_DEPTH + 5) + ']'.repeat(MAX_JSON_DEPTH + 5) + '\n]';
		expect(jsonDepth(text)).toEqual({ depth: MAX_JSON_DEPTH + 1, line: 3 });
	});
});

describe('explainFileError', () => {
	it('turns system errors into reasons, in both languages', () => {
		expect(explainFileError(errno('ENOENT')).key).toBe('problem.fileVanished');
		expect(explainFileError(errno('EACCES')).key).toBe('problem.fileNoPermission');
		expect(explainFileError(errno('EISDIR')).key).toBe('problem.fileIsFolder');
		expect(inEnglish(explainFileError(errno('EACCES')))).toContain('give the account that runs the server read access');
		expect(describeIn('fa', explainFileError(errno('EACCES')))).toContain('اجازهٔ خواندن');
	});

	it('never leaves a stack overflow or a string-length error unexplained', () => {
		expect(explainFileError(new RangeError('Maximum call stack size exceeded')).key).toBe('problem.jsonTooDeep');
		expect(inEnglish(explainFileError(new RangeError('Invalid string length')))).toContain('a quote (") that opens a field and never closes');
		expect(explainFileError(new Error('Out of Memory Error: could not allocate block')).key).toBe('problem.outOfMemory');
	});

	it('keeps the first line of anything else, shortened', () => {
		const p = explainFileError(new Error('Constraint Error: something\nwith a second line'));
		expect(p).toEqual({ key: 'problem.loadUndone', params: { detail: 'Constraint Error: something' } });
	});
});

describe('storageProblemOf', () => {
	it('tells the disk and the folder apart from the file', () => {
		expect(storageProblemOf(errno('ENOSPC'), '/data')?.key).toBe('problem.diskFull');
		expect(storageProblemOf(new Error('Could not write file "/data/care.duckdb": No space left on device'), '/data')?.key).toBe('problem.diskFull');
		expect(storageProblemOf(errno('EROFS'), '/data')?.key).toBe('problem.dataReadOnly');
		expect(storageProblemOf(new Error('Cannot execute statement of type "INSERT" on database "care" which is attached in read-only mode!'), '/data')?.key).toBe('problem.dataReadOnly');
		expect(storageProblemOf(new Error('FATAL Error: Failed: database has been invalidated because of a previous fatal error'), '/data')?.key).toBe('problem.databaseStopped');
		expect(storageProblemOf(errno('EACCES'), '/data')).toBeNull();
		expect(storageProblemOf(new Error('Conversion Error'), '/data')).toBeNull();
	});
});

describe('uploadLimitBytes', () => {
	it('reads BODY_SIZE_LIMIT the way adapter-node does', () => {
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '512M' })).toBe(512 * 1024 ** 2);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '64K' })).toBe(64 * 1024);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '2G' })).toBe(2 * 1024 ** 3);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: 'Infinity' })).toBe(Infinity);
		expect(uploadLimitBytes({})).toBe(512 * 1024 ** 2);
	});
});
