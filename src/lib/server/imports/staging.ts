/**
 * The per-file staging tables both load paths fill (load-file.ts: the JavaScript path,
 * native/: the DuckDB path): `stage` holds a file's good rows as canonical text, one column
 * per dataset field, `stage_rejects` the rows that could not be loaded. The upsert, stub and
 * reject statements of queries/ingest/ read them, whichever path filled them.
 *
 * Statements here are built from the dataset definitions: only identifiers from the fixed
 * field lists in datasets.ts go into them, never a value or a name read from a file.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { inEnglish } from '../../i18n/translate';
import { DATASETS, keyFields, type DatasetName } from './datasets';
import type { Aggregation, MappingSpec, RowProblem, SourceRecord } from './mapping';

export const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export const CREATE_STAGE_REJECTS =
	'create or replace temp table stage_rejects (line integer, record integer, column_name varchar, value varchar, reason varchar, reason_key varchar, reason_params varchar, raw varchar)';

/**
 * How the rows of one key combine into one (see MappingSpec.aggregate), as a SQL expression
 * over the staged text. Only identifiers from the fixed field lists in datasets.ts go in.
 */
function aggregateExpression(name: string, type: string, how: Aggregation | undefined): string {
	const c = quote(name);
	switch (how) {
		case undefined:
			return `arg_max_null(${c}, _record)`; // the last row's value, empty or not (as without aggregation)
		case 'first':
			return `arg_min(${c}, _record)`; // the first row that has a value
		case 'last':
			return `arg_max(${c}, _record)`; // the last row that has a value
		case 'count':
			return `cast(count(${c}) as varchar)`;
		case 'min':
		case 'max': {
			const pick = how === 'min' ? 'arg_min' : 'arg_max';
			if (type === 'timestamp') return `${pick}(${c}, to_instant(${c}, $tz))`;
			if (['integer', 'number', 'seconds', 'minutes'].includes(type)) return `${pick}(${c}, cast(${c} as double))`;
			return `${how}(${c})`;
		}
	}
}

export function stagingStatements(dataset: DatasetName, aggregate?: MappingSpec['aggregate']) {
	const def = DATASETS[dataset];
	const cols = def.fields.map((f) => `${quote(f.name)} varchar`).join(', ');
	const keys = keyFields(def).map(quote).join(', ');
	const combined = def.fields.map((f) => (f.key ? quote(f.name) : `${aggregateExpression(f.name, f.type, aggregate?.[f.name])} as ${quote(f.name)}`)).join(', ');
	return {
		create: `create or replace temp table stage (_record integer, ${cols})`,
		createRejects: CREATE_STAGE_REJECTS,
		dedupe: `delete from stage where _record in (select _record from (select _record, row_number() over (partition by ${keys} order by _record desc) as rn from stage) where rn > 1)`,
		// The rows of each key combined into one, per the mapping's aggregate (an event log).
		combine: `create or replace temp table stage_combined as select max(_record) as _record, ${combined} from stage group by ${keys}`,
		swapCombined: 'drop table stage; alter table stage_combined rename to stage',
		countStage: 'select cast(count(*) as integer) as n from stage',
		countTable: `select cast(count(*) as integer) as n from ${quote(def.table)}`,
		drop: 'drop table if exists stage; drop table if exists stage_rejects'
	};
}

export function appendNullable(a: DuckDBAppender, v: string | null | undefined) {
	if (v === null || v === undefined) a.appendNull();
	else a.appendVarchar(v);
}

/** One rejected record into stage_rejects, its reason in English and as an i18n key with parameters. */
export function appendReject(a: DuckDBAppender, rec: SourceRecord, p: RowProblem) {
	a.appendInteger(rec.line ?? 0);
	a.appendInteger(rec.record);
	appendNullable(a, p.column);
	appendNullable(a, p.value);
	a.appendVarchar(inEnglish(p.problem));
	a.appendVarchar(p.problem.key);
	appendNullable(a, p.problem.params ? JSON.stringify(p.problem.params) : null);
	a.appendVarchar(rec.raw());
	a.endRow();
}
