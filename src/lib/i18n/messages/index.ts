/**
 * All dictionaries. Each domain keeps its English and Persian strings side by side in one
 * file; the Persian one is typed against the English keys, so a key missing in either
 * language fails the type check (and test/unit/i18n.test.ts checks it again at run time).
 * A new domain adds its file here.
 */
import * as auth from './auth';
import * as churn from './churn';
import * as core from './core';
import * as data from './data';
import * as imports from './imports';
import * as kpi from './kpi';
import * as overview from './overview';
import * as peaks from './peaks';
import * as problems from './problems';
import * as sla from './sla';
import type { Translation } from './types';

export const en = { ...core.en, ...overview.en, ...kpi.en, ...data.en, ...problems.en, ...peaks.en, ...auth.en, ...sla.en, ...churn.en, ...imports.en } as const;
export type MessageKey = keyof typeof en;
export type Dictionary = Translation<typeof en>;
export const fa: Dictionary = { ...core.fa, ...overview.fa, ...kpi.fa, ...data.fa, ...problems.fa, ...peaks.fa, ...auth.fa, ...sla.fa, ...churn.fa, ...imports.fa };
