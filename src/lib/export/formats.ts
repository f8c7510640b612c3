/** The download formats every list and KPI table offers (written by src/lib/server/export). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet', 'arrow'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
