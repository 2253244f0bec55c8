import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { loadTheme } from './theme';

describe('loadTheme', () => {
  it('gives each Teams theme its Fluent theme, the dark and high-contrast ones from their chunks', async () => {
    expect(await loadTheme('default')).toBe(teamsLightTheme);
    expect(await loadTheme('dark')).toBe(teamsDarkTheme);
    expect(await loadTheme('contrast')).toBe(teamsHighContrastTheme);
  });
});
