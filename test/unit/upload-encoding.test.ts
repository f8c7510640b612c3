/**
 * The upload page reads a file's first bytes and says how it is written: encoding (UTF-8, UTF-8
 * with BOM, UTF-16 LE/BE, Windows-1252, Windows-1256 for Persian Excel exports), delimiter and
 * header row. Fixtures in every encoding (test/fixtures/upload), the Persian one with Jalali dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeSample, detectEncoding, restoreYeh } from '../../src/lib/upload/encoding';
import { detectHeaderRow, guessDelimiter } from '../../src/lib/upload/csv-sniff';
import { encodeText } from '../helpers/encode';
import { FIXTURE_DIR, FIXTURES, fixtureBytes } from '../fixtures/upload/generate';

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, name)));
const source = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8').replace(/\r?\n/g, '\r\n');

describe('fixtures', () => {
	it('are what the generator writes from their sources', () => {
		for (const f of FIXTURES) expect(Buffer.from(read(f.file)).equals(Buffer.from(fixtureBytes(f))), f.file).toBe(true);
	});
});

describe('detectEncoding', () => {
	it('tells each fixture’s encoding and decodes it back to its source', () => {
		for (const f of FIXTURES) {
			const bytes = read(f.file);
			const guess = detectEncoding(bytes);
			expect(guess.encoding, f.file).toBe(f.encoding);
			// Windows-1256 has no Persian yeh: written as Arabic yeh, read back as Persian.
			expect(decodeSample(bytes, guess.encoding), f.file).toBe(source(f.source));
		}
	});

	it('says why', () => {
		expect(detectEncoding(read('tickets-fa.utf-8-bom.csv')).reason).toBe('bom');
		expect(detectEncoding(read('tickets-fa.utf-8.csv')).reason).toBe('utf8');
		expect(detectEncoding(read('tickets-fa.windows-1256.csv')).reason).toBe('arabic-script');
		expect(detectEncoding(read('customers-latin.windows-1252.csv')).reason).toBe('latin');
		expect(detectEncoding(new TextEncoder().encode('id,name\n1,a\n'))).toEqual({ encoding: 'utf-8', reason: 'ascii' });
	});

	it('finds UTF-16 without a byte-order mark by its zero bytes', () => {
		const le = encodeText('id,customer\nT1,Acme\n', 'utf-16le').slice(2);
		const be = encodeText('id,customer\nT1,Acme\n', 'utf-16be').slice(2);
		expect(detectEncoding(le)).toEqual({ encoding: 'utf-16le', reason: 'zero-bytes' });
		expect(detectEncoding(be)).toEqual({ encoding: 'utf-16be', reason: 'zero-bytes' });
	});

	it('keeps UTF-8 whose sample ends inside a character', () => {
		const bytes = new TextEncoder().encode('id,name\n1,شرکت');
		const cut = bytes.slice(0, bytes.length - 1);
		expect(detectEncoding(cut).encoding).toBe('utf-8');
		expect(decodeSample(cut, 'utf-8')).toBe('id,name\n1,شرک');
	});

	it('tells Persian from Western European text in legacy code pages, including short samples', () => {
		expect(detectEncoding(encodeText('نام,شهر\nعلی,تهران\n', 'windows-1256')).encoding).toBe('windows-1256');
		expect(detectEncoding(encodeText('name;city\nRené;Orléans\nGünther;Köln\n', 'windows-1252')).encoding).toBe('windows-1252');
		// One Persian letter alone ("و", and) among words still reads as Persian.
		expect(detectEncoding(encodeText('موضوع\nخرید و فروش\n', 'windows-1256')).encoding).toBe('windows-1256');
	});
});

describe('restoreYeh', () => {
	it('writes Arabic yeh back as Persian and leaves kaf and other text alone', () => {
		expect(restoreYeh('شماره تيکت ى ك abc')).toBe('شماره تیکت ی ك abc');
	});
});

describe('delimiter and header row', () => {
	it('finds a comma, a semicolon under a title line, a tab and a pipe', () => {
		expect(guessDelimiter(source('tickets-fa.source.csv'))).toBe(',');
		expect(guessDelimiter(source('customers-latin.source.csv'))).toBe(';');
		expect(guessDelimiter('a\tb\tc\n1\t2,5\t3\n4\t5\t6\n')).toBe('\t');
		expect(guessDelimiter('a|b\n1|2\n')).toBe('|');
		// Commas inside quotes do not count.
		expect(guessDelimiter('a;b\n"x, y, z";2\n"p, q";3\n')).toBe(';');
	});

	it('takes the first row as the header unless title lines stand above it', () => {
		const rows = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
		expect(detectHeaderRow(rows(source('tickets-fa.source.csv'), ','))).toBe(0);
		expect(detectHeaderRow(rows(source('customers-latin.source.csv'), ';'))).toBe(1);
		expect(detectHeaderRow(rows('Report\nexported 1403/08/15\nid,score\n1,9\n2,10\n', ','))).toBe(2);
		// A row of numbers and dates is data, not a header.
		expect(detectHeaderRow([['1', '2026-01-01'], ['id', 'when'], ['2', '2026-01-02']])).toBe(1);
	});
});
