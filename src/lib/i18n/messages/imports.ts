/**
 * Bringing a unit's own data: presets for help-desk exports, detection of the layout, loading
 * a file again, the rejects round trip, the help desk's own figures and the survey response
 * rate. Problems (problem.*) are stored with files and rows and shown in the reader's language.
 */
import type { Translation } from './types';

export const en = {
	'problem.notDuration': '"{value}" is not a duration (a number of {unit, select, seconds {seconds} minutes {minutes} hours {hours} other {{unit}}}, or H:MM)',
	'problem.patternMismatch': '"{value}" does not have the expected form ({pattern})',
	'problem.partNotLoaded': '{dataset} not loaded from this file (layout {mapping}): it has no column {missing}',
	'problem.presetNotForDataset': 'the preset {preset} reads nothing into {dataset} (it loads {datasets}): nothing was loaded',
	'problem.noLayoutFor': "the columns do not match any layout for {dataset}, so nothing was loaded (is this the right dataset?). Found: {found}. The product's own layout needs at least: {needed}. Closest layout: {closest}",
	'problem.brokenMappingBlocksNative': "the mapping file {file} cannot be used ({detail}); while it is broken, {dataset} files are not loaded in the product's own layout by guesswork. Fix the mapping, or put a file in the product's layout into {dataset}/native/",
	'problem.combined': '{rows, plural, one {# row} other {# rows}} combined into {keys, plural, one {# record} other {# records}} (one per key, as the layout says)',
	'problem.sameLoad': 'already loaded as "{file}" (import #{id}) through the same layout {mapping}, unchanged since: nothing loaded again. "Load again" reloads it',
	'problem.fileUndone': 'not loaded: loading the file through {mapping} failed ({detail}), so nothing of the file was kept',
} as const;

export const fa: Translation<typeof en> = {
	'problem.notDuration': '«{value}» مدت زمان نیست (عددی بر حسب {unit, select, seconds {ثانیه} minutes {دقیقه} hours {ساعت} other {{unit}}} یا به شکل \u2066H:MM\u2069)',
	'problem.patternMismatch': '«{value}» شکل مورد انتظار را ندارد (\u2066{pattern}\u2069)',
	'problem.partNotLoaded': '{dataset} از این فایل وارد نشد (قالب {mapping}): ستون {missing} را ندارد',
	'problem.presetNotForDataset': 'پیش‌تنظیم {preset} چیزی در {dataset} وارد نمی‌کند (این‌ها را وارد می‌کند: {datasets})؛ چیزی وارد نشد',
	'problem.noLayoutFor': 'ستون‌ها با هیچ قالبی برای {dataset} جور نیستند، پس چیزی وارد نشد (آیا مجموعه‌دادهٔ درست را برگزیده‌اید؟). یافته‌شده: {found}. قالب خود محصول دست‌کم این‌ها را لازم دارد: {needed}. نزدیک‌ترین قالب: {closest}',
	'problem.brokenMappingBlocksNative': 'فایل نگاشت {file} به کار نمی‌آید ({detail})؛ تا درست نشده، فایل‌های {dataset} با حدس در قالب خود محصول وارد نمی‌شوند. نگاشت را درست کنید یا فایلی را که در قالب خود محصول است در پوشهٔ {dataset}/native/ بگذارید',
	'problem.combined': '{rows, plural, one {# ردیف} other {# ردیف}} در {keys, plural, one {# رکورد} other {# رکورد}} یکی شد (برای هر کلید یکی، همان‌طور که قالب می‌گوید)',
	'problem.sameLoad': 'پیش‌تر با نام «{file}» (ورود شمارهٔ {id}) با همین قالب {mapping} و بی‌تغییر وارد شده است: چیزی دوباره وارد نشد. «بارگذاری دوباره» آن را دوباره وارد می‌کند',
	'problem.fileUndone': 'وارد نشد: ورود فایل با {mapping} شکست خورد ({detail})، پس چیزی از این فایل نگه داشته نشد',
};
