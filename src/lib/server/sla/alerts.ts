/**
 * The SLA alert source: once a day at most, when the open tickets at risk of breaching their
 * SLA now reach settings.alerts.slaAtRiskThreshold (the scheduler asks every tick; the key
 * sla_at_risk:<local day> makes it one alert a day). Zendesk sends no breach notifications.
 */
import { todayIn } from '../../calendar';
import type { AlertSource } from '../alerts/alerts';
import { openCounts } from './compliance';

export const slaAtRiskSource: AlertSource = {
	kind: 'sla_at_risk',
	async collect({ db, settings, now }) {
		const threshold = settings.alerts.slaAtRiskThreshold;
		if (!(threshold > 0)) return [];
		const { atRisk } = await openCounts(db, now);
		if (atRisk < threshold) return [];
		const day = todayIn(settings.unit.timeZone, now);
		return [
			{
				key: `sla_at_risk:${day}`,
				kind: 'sla_at_risk',
				metric: null,
				peakKey: null,
				windowStart: null,
				windowEnd: null,
				actual: atRisk,
				expected: null,
				upper: threshold,
				message: { key: 'alerts.message.slaAtRisk', params: { count: atRisk, threshold } }
			}
		];
	}
};
