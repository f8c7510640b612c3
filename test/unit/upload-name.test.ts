import { describe, expect, it } from 'vitest';
import { safeUploadName } from '../../src/lib/server/imports/upload';

describe('upload file names', () => {
	it('keeps a plain name and strips folders, hidden and temporary markers', () => {
		expect(safeUploadName('tickets 1405-08.csv')).toBe('tickets 1405-08.csv');
		expect(safeUploadName('../../etc/passwd')).toBe('passwd');
		expect(safeUploadName('C:\\Users\\a\\calls.csv')).toBe('calls.csv');
		expect(safeUploadName('.hidden.csv')).toBe('hidden.csv');
		expect(safeUploadName('calls.csv.part')).toBe('calls.csv');
		expect(safeUploadName('تماس‌ها.csv')).toBe('تماس_ها.csv');
		expect(safeUploadName('...')).toBe('upload.csv');
	});
});
