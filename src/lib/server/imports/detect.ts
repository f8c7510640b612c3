/**
 * Which layout a file is in, from its header: the candidates for the upload page (detectLayouts)
 * and the parts a load reads (resolveParts). One set of rules for both, so what the page shows
 * before a load is what the load does.
 *
 * - A folder or request may name the layout: a preset id (every part of the preset when the
 *   file's dataset is the preset's main one, else that dataset's part), a mapping id, or
 *   "native". A name that is not known, or whose file is broken, fails the file.
 * - Otherwise the most specific layout of the dataset that fits the header is used (see
 *   rankLayouts in ./mapping.ts); a detected part of a preset brings the preset's other parts
 *   along when the file is of the preset's main dataset.
 * - A broken mapping or preset file of the unit's is never skipped silently: a file it would
 *   have read fails with its problem, and while a mapping file of the dataset is unreadable
 *   no file falls back to the product's own layout by detection.
 * - A rejects download loaded back (it has _reject_ columns) loads only its own dataset.
 */
import { problem, type Problem } from '../../i18n/translate';
import { DATASET_NAMES, type DatasetName } from './datasets';
import { dataColumns, fieldColumns, nativeMapping, normalizeName, rankLayouts, REJECT_COLUMN_PREFIX, type LayoutCandidate, type MappingSpec } from './mapping';
import type { BrokenMapping, LoadedMappings, Preset } from './mappings/index';

/** A candidate layout, with the other datasets its preset would load from the same file. */
export interface DetectedLayout extends LayoutCandidate {
	/** Datasets the preset's other parts load from this header (empty without a preset). */
	alsoLoads: DatasetName[];
	/** The time zone the layout reads times in, when it says (else the unit's). */
	timeZone: string | null;
}

/** Whether a header is a rejects download (./rejects.ts) loaded back. */
export function isRejectsHeader(headers: readonly string[] | null): boolean {
	return !!headers?.some((h) => normalizeName(h).startsWith(REJECT_COLUMN_PREFIX));
}

function presetOf(available: LoadedMappings, id: string | null | undefined): Preset | undefined {
	return id ? available.presets.find((p) => p.id === id) : undefined;
}

/** The preset's parts as in effect: a part the unit replaced by its own mapping is the unit's. */
function presetParts(available: LoadedMappings, preset: Preset): MappingSpec[] {
	return preset.mappings.map((part) => available.mappings.find((m) => m.dataset === part.dataset && m.id === part.id) ?? part);
}

/** The preset's other parts that fit this header, and a note for each that does not. */
function companions(available: LoadedMappings, spec: MappingSpec, headers: readonly string[] | null): { parts: MappingSpec[]; notes: Problem[] } {
	const preset = presetOf(available, spec.preset);
	if (!preset || preset.dataset !== spec.dataset || isRejectsHeader(headers)) return { parts: [], notes: [] };
	const others = presetParts(available, preset).filter((part) => !(part.dataset === spec.dataset && part.id === spec.id));
	return splitFitting(others, headers);
}

/** What a layout misses, for a message: detection columns, and required fields with the columns they are read from. */
function missingText(spec: MappingSpec, c: LayoutCandidate): string {
	const fields = c.missingRequired.map((f) => {
		const cols = fieldColumns(spec, f);
		return cols.length ? `${f} (${cols.join(' / ')})` : f;
	});
	return [...c.missingDetect, ...fields].join(', ') || '-';
}

/** Parts that can read the header, and a note for each that cannot (a file without its columns). */
function splitFitting(parts: MappingSpec[], headers: readonly string[] | null): { parts: MappingSpec[]; notes: Problem[] } {
	const fitting: MappingSpec[] = [];
	const notes: Problem[] = [];
	for (const part of parts) {
		const c = headers ? rankLayouts(headers, [part])[0]! : null;
		if (!c || c.fits) fitting.push(part);
		else notes.push(problem('problem.partNotLoaded', { dataset: part.dataset, mapping: part.id, missing: missingText(part, c) }));
	}
	return { parts: fitting, notes };
}

/**
 * The layouts a header could be read with, best first: of one dataset when given (the upload
 * form's choice), else of every dataset. For the upload page: what was detected, the columns
 * each matched, and what each misses; candidates[0].fits says whether the file can load.
 */
export function detectLayouts(headers: readonly string[], available: LoadedMappings, dataset?: DatasetName | null): DetectedLayout[] {
	const datasets = dataset ? [dataset] : DATASET_NAMES;
	const candidates = datasets.flatMap((d) => [...available.mappings.filter((m) => m.dataset === d), nativeMapping(d)]);
	return rankLayouts(headers, candidates).map((c) => {
		const spec = candidates.find((m) => m.dataset === c.dataset && m.id === c.mapping)!;
		return {
			...c,
			alsoLoads: c.fits ? [...new Set(companions(available, spec, headers).parts.map((m) => m.dataset))] : [],
			timeZone: spec.timeZone ?? null
		};
	});
}

/**
 * What a load reads: the parts (one mapping per dataset, customers first) with notes on the
 * preset's parts the file has no columns for, or why the file cannot load.
 */
export type Resolution = { ok: true; parts: MappingSpec[]; notes: Problem[] } | { ok: false; problem: Problem; mapping: string | null };

const byDataset = (a: MappingSpec, b: MappingSpec) => DATASET_NAMES.indexOf(a.dataset) - DATASET_NAMES.indexOf(b.dataset);

function brokenProblem(b: BrokenMapping): Resolution {
	return { ok: false, problem: b.problem, mapping: b.id };
}

/** Broken mapping files that claim this header for the dataset (their detection columns are all there). */
function brokenClaims(available: LoadedMappings, dataset: DatasetName, headers: readonly string[]): BrokenMapping[] {
	const have = new Set(dataColumns(headers));
	return available.broken.filter((b) => (b.dataset === null || b.dataset === dataset) && b.detect && b.detect.length > 0 && b.detect.every((alts) => alts.some((c) => have.has(normalizeName(c)))));
}

/**
 * The parts to load a file of `dataset` with: through the named layout (`layoutId`: a preset,
 * a mapping or "native"), or detected from the header.
 */
export function resolveParts(dataset: DatasetName, headers: string[] | null, available: LoadedMappings, layoutId?: string | null): Resolution {
	const own = available.mappings.filter((m) => m.dataset === dataset);
	const rejects = isRejectsHeader(headers);
	if (layoutId) {
		const preset = presetOf(available, layoutId);
		if (preset) {
			const parts = presetParts(available, preset);
			const mine = parts.filter((p) => p.dataset === dataset);
			if (mine.length === 0) return { ok: false, problem: problem('problem.presetNotForDataset', { preset: preset.id, dataset, datasets: [...new Set(parts.map((p) => p.dataset))].join(', ') }), mapping: null };
			// The part of the file's own dataset must read it (a missing column fails the file); the others load when the file has their columns.
			const others = preset.dataset === dataset && !rejects ? splitFitting(parts.filter((p) => p.dataset !== dataset), headers) : { parts: [], notes: [] };
			return { ok: true, parts: [...mine, ...others.parts].sort(byDataset), notes: others.notes };
		}
		const spec = layoutId === 'native' ? nativeMapping(dataset) : own.find((m) => m.id === layoutId);
		if (spec) return { ok: true, parts: [spec], notes: [] };
		const broken = available.broken.find((b) => b.id === layoutId && (b.dataset === null || b.dataset === dataset));
		if (broken) return brokenProblem(broken);
		return { ok: false, problem: problem('problem.noSuchMapping', { mapping: layoutId, dataset }), mapping: layoutId };
	}
	if (!headers || headers.length === 0) return { ok: true, parts: [nativeMapping(dataset)], notes: [] };
	const claimed = brokenClaims(available, dataset, headers);
	if (claimed[0]) return brokenProblem(claimed[0]);
	const ranked = rankLayouts(headers, [...own, nativeMapping(dataset)]);
	const best = ranked[0];
	if (!best?.fits) {
		const closest = ranked.find((c) => c.mapping !== 'native' && c.matched.length > 0);
		return {
			ok: false,
			mapping: null,
			problem: problem('problem.noLayoutFor', {
				dataset,
				found: headers.filter((h) => !normalizeName(h).startsWith(REJECT_COLUMN_PREFIX)).join(', '),
				needed: nativeMapping(dataset).detect!.join(', '),
				closest: closest ? `${closest.mapping} (${missingText([...own].find((m) => m.id === closest.mapping)!, closest)})` : '-'
			})
		};
	}
	if (best.mapping === 'native') {
		// Never fall back to the product's layout while a mapping file that could be meant for it is unreadable.
		const unreadable = available.broken.find((b) => (b.dataset === null || b.dataset === dataset) && !b.detect);
		if (unreadable) return { ok: false, problem: problem('problem.brokenMappingBlocksNative', { file: unreadable.file, dataset, detail: unreadable.problem.params?.detail ?? '' }), mapping: null };
		return { ok: true, parts: [nativeMapping(dataset)], notes: [] };
	}
	const spec = own.find((m) => m.id === best.mapping)!;
	const more = companions(available, spec, headers);
	return { ok: true, parts: [spec, ...more.parts].sort(byDataset), notes: more.notes };
}
