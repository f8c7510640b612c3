// Loaded by ../echarts-kinds.ts when an option needs it.
export { LineChart as default } from 'echarts/charts';
