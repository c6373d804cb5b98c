// Messages of the day log (French reference): each names the rule and the numbers.
export const daysFr = {
  'rule.day.allowance': 'Il reste {left} jour sur {allowance} pour {ref} : impossible d’y porter {total} jours.',
  'rule.day.consultantDate': '{consultant} a déjà {logged} j saisi(s) le {date}, toutes missions confondues : une journée au plus par date.',
  'rule.day.window': 'Le {date} est hors de la période du programme ({opensOn} – {closesOn}).',
  'rule.day.beforeStart': 'Le {date} précède le début de la mission {ref} ({startedOn}).',
  'rule.day.locked': '{ref} est au statut « {status} » : ses journées sont verrouillées.',
  'rule.day.draft': '{ref} n’est pas encore engagé : engagez-le avant d’y saisir des journées.',
  'rule.day.notStaffed': '{consultant} n’intervient pas sur {ref}.',
  'rule.day.range': 'La période demandée ({from} – {to}) dépasse {max} jours.',
  'flag.day.weekend': 'Le {date} tombe un week-end.',
  'flag.day.holiday': 'Le {date} est un jour férié ({holiday}).',
  'error.not_found.dayEntry': 'Aucune journée ne porte l’identifiant « {id} ».',
} as const;
