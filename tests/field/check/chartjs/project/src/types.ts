




export * from './index.js';



export {
  BarController,
  BubbleController,
  DoughnutController,
  LineController,
  PieController,
  PolarAreaController,
  RadarController,
  ScatterController,
  Animation,
  Animations,
  Chart,
  DatasetController,
  Interaction,
  Scale,
  Ticks,
  defaults,
  layouts,
  registry,
  ArcElement,
  BarElement,
  LineElement,
  PointElement,
  BasePlatform,
  BasicPlatform,
  DomPlatform,
  Decimation,
  Filler,
  Legend,
  SubTitle,
  Title,
  Tooltip,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  RadialLinearScale,
  TimeScale,
  TimeSeriesScale,
  PluginOptionsByType,
  ElementOptionsByType,
  ChartDatasetProperties,
  UpdateModeEnum,
  ArcSpacingMode,
  registerables
} from './types/index.js';
export * from './types/index.js';
