import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// ag-grid 33+ ships no features until modules are registered; the community bundle is all we use.
ModuleRegistry.registerModules([AllCommunityModule]);

/**
 * One grid theme for the whole console. The two modes track the OS scheme: the shell sets
 * `data-ag-theme-mode` on <body> (see useGridThemeMode), so every grid switches with the page.
 */
export const gridTheme = themeQuartz
  .withParams({
    fontFamily: 'inherit',
    fontSize: 13,
    headerFontSize: 12,
    headerFontWeight: 600,
    spacing: 6,
    rowHeight: 30,
    headerHeight: 34,
    wrapperBorderRadius: 6,
    borderRadius: 4,
    wrapperBorder: false,
  })
  .withParams(
    {
      browserColorScheme: 'light',
      backgroundColor: '#ffffff',
      foregroundColor: '#1c2430',
      chromeBackgroundColor: '#f4f6f9',
      headerBackgroundColor: '#f4f6f9',
      headerTextColor: '#4a5566',
      borderColor: '#e2e6ec',
      oddRowBackgroundColor: '#fafbfc',
      rowHoverColor: '#eef3fc',
      selectedRowBackgroundColor: '#e1ebfb',
      accentColor: '#2f6fdf',
    },
    'light',
  )
  .withParams(
    {
      browserColorScheme: 'dark',
      backgroundColor: '#1a1e25',
      foregroundColor: '#e3e7ee',
      chromeBackgroundColor: '#21262f',
      headerBackgroundColor: '#21262f',
      headerTextColor: '#aab3c0',
      borderColor: '#2f3541',
      oddRowBackgroundColor: '#1d2129',
      rowHoverColor: '#252c38',
      selectedRowBackgroundColor: '#263550',
      accentColor: '#5b9cff',
    },
    'dark',
  );
