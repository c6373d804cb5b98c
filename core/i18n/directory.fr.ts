// Interface messages of the directory screens (French reference).
export const directoryFr = {
  'directory.title': 'directory',
} as const;
