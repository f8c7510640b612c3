// Loaded by ../echarts-kinds.ts when an option needs it.
export { ScatterChart as default } from 'echarts/charts';
