/**
 * Mappings and presets the product ships, and the ones a unit writes itself in
 * data/mappings/*.json. docs/mappings.md documents the format and each built-in one.
 *
 * A mapping reads one source layout into one dataset. A preset is a help desk's export
 * layout read into several datasets at once (a Zendesk ticket export gives tickets, their
 * CSAT answers and the customers): a JSON file with "mappings", a list of mappings, each a
 * part of the preset, and optionally the source's "timeZone" for all of them.
 *
 * A file that cannot be used is never silently ignored: it is kept as a broken mapping with
 * its problem, and files it would have read fail with that problem (./load-file.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../../../i18n/translate';
import { DATASET_NAMES, DATASETS, isDatasetName, type DatasetName } from '../datasets';
import { neededFields, validateMappingSpec, type MappingSpec } from '../mapping';
import chatwootCsat from './chatwoot-csat.json';
import freescout from './freescout.json';
import freshdesk from './freshdesk.json';
import osticket from './osticket.json';
import servicenowEvents from './servicenow-events.json';
import servicenowIncidents from './servicenow-incidents.json';
import technionCalls from './technion-calls.json';
import zammad from './zammad.json';
import zendesk from './zendesk.json';

export interface Preset {
	id: string;
	title: string;
	description?: string;
	/**
	 * The dataset the export is mainly of: a file of this dataset read through the preset loads
	 * every part; a file of another dataset (a ticket export dropped into survey_answers/) loads
	 * only that dataset's part.
	 */
	dataset: DatasetName;
	/** Zone of the export's times written without an offset; default the unit's. */
	timeZone?: string;
	/** The parts, one mapping each (each names its dataset), in load order: customers first. */
	mappings: MappingSpec[];
}

/** A mapping or preset file that could not be used, with what could be read of it. */
export interface BrokenMapping {
	/** The file's name in the mappings folder. */
	file: string;
	/** Its id, when it could be read (a mapping's or a preset's). */
	id: string | null;
	/** Its dataset, when it could be read; null: it could be for any dataset. */
	dataset: DatasetName | null;
	/** Its detection columns, when they could be read. */
	detect: string[][] | null;
	problem: Problem;
}

export interface LoadedMappings {
	mappings: MappingSpec[];
	presets: Preset[];
	broken: BrokenMapping[];
	/** One per mapping file that could not be used, with the reason (for the run's record). */
	problems: Problem[];
}

const isPresetJson = (j: unknown): j is { mappings: unknown[] } => !!j && typeof j === 'object' && Array.isArray((j as { mappings?: unknown }).mappings);

/** Check a preset file and return the preset with its parts (each tagged with the preset and its zone). */
export function validatePreset(json: unknown, origin: string): Preset {
	const p = json as Preset & { mappings: unknown[] };
	const problems: string[] = [];
	if (!p || typeof p !== 'object') throw new Error(`${origin}: a preset must be a JSON object`);
	if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(p.id)) problems.push('"id" must be lower-case letters, digits, - or _');
	if (!isDatasetName(String(p.dataset))) problems.push(`"dataset" (the main dataset) must be one of ${DATASET_NAMES.join(', ')}`);
	if (!Array.isArray(p.mappings) || p.mappings.length === 0) problems.push('"mappings" must list the preset\'s parts');
	if (p.timeZone !== undefined) {
		try {
			new Intl.DateTimeFormat('en', { timeZone: p.timeZone });
		} catch {
			problems.push(`"timeZone" ${p.timeZone} is not a known time zone`);
		}
	}
	if (problems.length) throw new Error(`${origin}: ${problems.join('; ')}`);
	const parts = p.mappings.map((m, i) => {
		const spec = validateMappingSpec(m, `${origin} part ${i + 1}`);
		return { ...spec, preset: p.id, timeZone: spec.timeZone ?? p.timeZone };
	});
	const ids = new Set<string>();
	for (const part of parts) {
		if (ids.has(`${part.dataset}/${part.id}`)) throw new Error(`${origin}: two parts named ${part.id} for ${part.dataset}`);
		ids.add(`${part.dataset}/${part.id}`);
	}
	if (!parts.some((m) => m.dataset === p.dataset)) throw new Error(`${origin}: no part reads the main dataset ${p.dataset}`);
	parts.sort((a, b) => DATASET_NAMES.indexOf(a.dataset) - DATASET_NAMES.indexOf(b.dataset));
	return { id: p.id, title: p.title, description: p.description, dataset: p.dataset, timeZone: p.timeZone, mappings: parts };
}

const BUILT_IN_PRESET_FILES = [zendesk, freshdesk, zammad, osticket, chatwootCsat, freescout, servicenowIncidents, servicenowEvents];

export const BUILT_IN_PRESETS: Preset[] = BUILT_IN_PRESET_FILES.map((p) => validatePreset(p, `built-in ${p.id}`));

export const BUILT_IN_MAPPINGS: MappingSpec[] = [validateMappingSpec(technionCalls, 'built-in technion-calls'), ...BUILT_IN_PRESETS.flatMap((p) => p.mappings)];

/** What can still be read of a file that failed validation: its ids, datasets and detection columns. */
function brokenParts(file: string, json: unknown, p: Problem): BrokenMapping[] {
	const one = (j: unknown): BrokenMapping => {
		const o = (j && typeof j === 'object' ? j : {}) as Record<string, unknown>;
		const dataset = isDatasetName(String(o.dataset)) ? (o.dataset as DatasetName) : null;
		// Without its own detection columns a mapping detects by its dataset's required ones.
		const detect = Array.isArray(o.detect)
			? (o.detect as unknown[]).map((d) => (Array.isArray(d) ? d.map(String) : [String(d)]))
			: dataset
				? neededFields(DATASETS[dataset]).map((c) => [c])
				: null;
		return { file, id: typeof o.id === 'string' ? o.id : null, dataset, detect, problem: p };
	};
	if (isPresetJson(json)) {
		const head = one(json);
		// The preset's own id (for a folder named after it), for its main dataset or any.
		return [{ ...head, detect: null }, ...json.mappings.map(one)];
	}
	return [one(json)];
}

/**
 * The unit's own mappings and presets (read at every run, so a new one needs no restart)
 * before the built-in ones; one of the unit's with a built-in's id replaces it.
 */
export function loadMappings(dir: string | null): LoadedMappings {
	const problems: Problem[] = [];
	const broken: BrokenMapping[] = [];
	const own: MappingSpec[] = [];
	const ownPresets: Preset[] = [];
	if (dir && fs.existsSync(dir)) {
		for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
			const file = path.join(dir, name);
			let json: unknown = undefined;
			try {
				json = JSON.parse(fs.readFileSync(file, 'utf8'));
				if (isPresetJson(json)) {
					const preset = validatePreset(json, name);
					ownPresets.push(preset);
					own.push(...preset.mappings);
				} else own.push(validateMappingSpec(json, name));
			} catch (e) {
				const p = problem('problem.mappingUnusable', { file: name, detail: (e as Error).message.replace(`${name}: `, '') });
				problems.push(p);
				broken.push(...brokenParts(name, json, p));
			}
		}
	}
	const ids = new Set(own.map((m) => `${m.dataset}/${m.id}`));
	const presetIds = new Set(ownPresets.map((p) => p.id));
	// A broken file of the unit's replaces the built-in of the same id too: its files fail rather
	// than load through the layout the unit meant to change.
	for (const b of broken) {
		if (!b.id) continue;
		for (const d of b.dataset ? [b.dataset] : DATASET_NAMES) ids.add(`${d}/${b.id}`);
		presetIds.add(b.id);
	}
	return {
		mappings: [...own, ...BUILT_IN_MAPPINGS.filter((m) => !ids.has(`${m.dataset}/${m.id}`) && !(m.preset && presetIds.has(m.preset)))],
		presets: [...ownPresets, ...BUILT_IN_PRESETS.filter((p) => !presetIds.has(p.id))],
		broken,
		problems
	};
}

/** Where a mapping or preset was saved. */
export interface SavedMapping {
	/** Its file in the mappings folder. */
	file: string;
	id: string;
	/** A mapping's dataset, or a preset's main dataset. */
	dataset: DatasetName;
	preset: boolean;
	/** An earlier file of the same id (and dataset) was replaced. */
	replaced: boolean;
}

/** Why a mapping could not be saved (the English detail of the validation). */
export class MappingSaveError extends Error {
	constructor(readonly problem: Problem) {
		super(String(problem.params?.detail ?? problem.key));
	}
}

/**
 * Save a mapping or a preset (JSON as docs/mappings.md describes) into the mappings folder,
 * checked first: a file that would not load is refused with why. It replaces the unit's file
 * of the same id (and dataset) if there is one, else it is written as <id>.json; one with a
 * built-in's id replaces the built-in. The next load uses it (mappings are read at every run).
 */
export function saveMapping(dir: string, json: unknown): SavedMapping {
	const origin = 'mapping';
	let id: string;
	let dataset: DatasetName;
	const preset = isPresetJson(json);
	try {
		if (preset) {
			const p = validatePreset(json, origin);
			id = p.id;
			dataset = p.dataset;
		} else {
			const m = validateMappingSpec(json, origin);
			id = m.id;
			dataset = m.dataset;
		}
	} catch (e) {
		throw new MappingSaveError(problem('problem.mappingNotSaved', { detail: (e as Error).message.replace(`${origin}: `, '') }));
	}
	fs.mkdirSync(dir, { recursive: true });
	// The unit's earlier file for this id, whatever its name.
	let target: string | null = null;
	for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
		try {
			const other = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { id?: unknown; dataset?: unknown; mappings?: unknown };
			if (other?.id === id && (isPresetJson(other) === preset) && (preset || other.dataset === dataset)) {
				target = name;
				break;
			}
		} catch {
			// an unreadable file is not this one
		}
	}
	const replaced = target !== null;
	if (!target) target = fs.existsSync(path.join(dir, `${id}.json`)) ? `${id}-${dataset}.json` : `${id}.json`;
	// Written whole under a temporary name first: a run reading the folder never sees half a file.
	const tmp = path.join(dir, `.${target}.tmp`);
	fs.writeFileSync(tmp, JSON.stringify(json, null, '\t') + '\n');
	fs.renameSync(tmp, path.join(dir, target));
	return { file: target, id, dataset, preset, replaced };
}
