/**
 * ECharts with only the pieces the product's charts use (echarts/core keeps the bundle
 * small). Loaded lazily by the chart action, so a page pays for ECharts only once a chart
 * is on screen, and the server never loads it. Add a chart kind here when a chart needs it.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	HeatmapChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	AriaComponent,
	VisualMapComponent,
	MarkLineComponent,
	MarkAreaComponent,
	MarkPointComponent,
	// grid.containLabel as before ECharts 6: its replacement (outer bounds) mislays a reversed
	// axis, which every right-to-left chart has (see options/rtl.ts).
	LegacyGridContainLabel,
	SVGRenderer
]);

export { echarts };
