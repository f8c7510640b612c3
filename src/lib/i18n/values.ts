/**
 * Labels of stored values (a segment, a channel, an occasion …): a dictionary string where the
 * product knows the value ("value.channel.in_app" → "In-app", "درون‌برنامه"), the value itself
 * where it is the unit's own name (a team, a queue, a channel it invented), and "not recorded"
 * for null.
 */
import { en, type MessageKey } from './messages/index';
import type { Translate } from './translate';

export function valueLabel(t: Translate, dimension: string, value: string | null | undefined): string {
	if (value === null || value === undefined || value === '') return t('value.none');
	const key = `value.${dimension}.${value}`;
	return key in en ? t(key as MessageKey) : value;
}
