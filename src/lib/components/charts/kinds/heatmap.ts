// Loaded by ../echarts-kinds.ts when an option needs it.
export { HeatmapChart as default } from 'echarts/charts';
