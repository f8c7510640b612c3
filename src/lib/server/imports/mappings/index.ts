/**
 * Mappings the product ships, and the ones a unit writes itself in data/mappings/*.json.
 * docs/mappings.md documents the format and each built-in mapping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../../../i18n/translate';
import { validateMappingSpec, type MappingSpec } from '../mapping';
import servicenowIncidents from './servicenow-incidents.json';
import technionCalls from './technion-calls.json';

export const BUILT_IN_MAPPINGS: MappingSpec[] = [
	validateMappingSpec(technionCalls, 'built-in technion-calls'),
	validateMappingSpec(servicenowIncidents, 'built-in servicenow-incidents')
];

export interface LoadedMappings {
	mappings: MappingSpec[];
	/** One per mapping file that could not be used, with the reason. */
	problems: Problem[];
}

/** The unit's own mappings (read at every run, so a new one needs no restart) before the built-in ones. */
export function loadMappings(dir: string | null): LoadedMappings {
	const problems: Problem[] = [];
	const own: MappingSpec[] = [];
	if (dir && fs.existsSync(dir)) {
		for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
			const file = path.join(dir, name);
			try {
				own.push(validateMappingSpec(JSON.parse(fs.readFileSync(file, 'utf8')), name));
			} catch (e) {
				problems.push(problem('problem.mappingUnusable', { file: name, detail: (e as Error).message.replace(`${name}: `, '') }));
			}
		}
	}
	const ids = new Set(own.map((m) => `${m.dataset}/${m.id}`));
	return { mappings: [...own, ...BUILT_IN_MAPPINGS.filter((m) => !ids.has(`${m.dataset}/${m.id}`))], problems };
}
