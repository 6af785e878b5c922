export * from './built-in-datasets';
export * from './date-formats';
export * from './recognise-dataset';
