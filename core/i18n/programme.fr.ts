// Interface messages of the programme screens (French reference).
export const programmeFr = {
  'programme.title': 'programme',
} as const;
