import { type Theme, teamsLightTheme } from '@fluentui/react-components';
import type { ThemeName } from '../host/host';

// Light is Teams' default and ships with the page; dark and high contrast are chunks of their own,
// fetched only by someone who uses them (each theme's colours are a few kB of tokens).
const LAZY: Record<Exclude<ThemeName, 'default'>, () => Promise<{ theme: Theme }>> = {
  dark: () => import('./teams-dark'),
  contrast: () => import('./teams-high-contrast'),
};

/** The Fluent theme for a Teams theme name. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  return name === 'default' ? teamsLightTheme : (await LAZY[name]()).theme;
}
