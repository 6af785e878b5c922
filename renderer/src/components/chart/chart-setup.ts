import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ColorScheme } from '../../lib/useColorScheme';

// Tree-shaken chart.js: register only the four chart types the console draws and what they need.
Chart.register(
  BarController,
  LineController,
  PieController,
  DoughnutController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Filler,
  Tooltip,
  Legend,
);
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.font.size = 12;
// set() merges, keeping chart.js's easing and the rest of its animation defaults.
Chart.defaults.set('animation', { duration: 250 });

export interface ChartColors {
  series: string[];
  text: string;
  muted: string;
  grid: string;
  surface: string;
  negative: string;
}

/** Palettes checked for contrast on each scheme's surface (white / #1a1e25), in a fixed order. */
const PALETTES: Record<ColorScheme, ChartColors> = {
  light: {
    series: ['#2f6fdf', '#13a095', '#e08a1e', '#8457d6', '#d64f6e', '#4f9d3a', '#5a6b82', '#b89500'],
    text: '#1c2430',
    muted: '#5d6878',
    grid: '#e8ebf0',
    surface: '#ffffff',
    negative: '#c8372d',
  },
  dark: {
    series: ['#5b9cff', '#3cc7bb', '#f2a950', '#a98bf2', '#f07792', '#7cc762', '#9aa9bd', '#e3c547'],
    text: '#e3e7ee',
    muted: '#9aa4b2',
    grid: '#2b313c',
    surface: '#1a1e25',
    negative: '#ff7b6e',
  },
};

export function chartColors(scheme: ColorScheme): ChartColors {
  return PALETTES[scheme];
}

/** A colour with an alpha channel, for line fills and hovered bars. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
