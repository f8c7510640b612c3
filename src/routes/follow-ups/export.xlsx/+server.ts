import { _followUpExport } from '../export/+server';
import type { RequestHandler } from './$types';

/** The day's follow-up list as XLSX, right to left in Persian: GET /follow-ups/export.xlsx?date=YYYY-MM-DD (as /follow-ups/export?format=xlsx). */
export const GET: RequestHandler = (event) => _followUpExport(event, 'xlsx');
