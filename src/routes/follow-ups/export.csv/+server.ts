import { _followUpExport } from '../export/+server';
import type { RequestHandler } from './$types';

/** The day's follow-up list as CSV (UTF-8 with BOM): GET /follow-ups/export.csv?date=YYYY-MM-DD (as /follow-ups/export?format=csv). */
export const GET: RequestHandler = (event) => _followUpExport(event, 'csv');
