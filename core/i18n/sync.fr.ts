// Sync through the shared folder: the problems a sync reports, in plain words.
export const syncFr = {
  'sync.problem.folder_unreachable': 'Synchronisation impossible : le dossier partagé « {folder} » n’est pas choisi ou n’est pas accessible (disque ou partage non connecté ?). Rien n’a été échangé ; vos saisies restent sur ce poste.',
  'sync.problem.folder_rewritten': 'Le dossier de ce poste dans le dossier partagé était incomplet ou vide : {segments} fichier(s) d’opérations réécrit(s) depuis la base locale.',
  'sync.problem.cloned': 'Cette base de données a été restaurée ou copiée depuis un autre poste : ce poste continue sous un nouvel identifiant ({device}) pour ne jamais écrire dans le dossier d’un autre. Rien n’est perdu.',
  'sync.problem.segment_missing': 'Le fichier {file} du poste {device} n’est pas encore arrivé alors que les suivants sont là : les opérations de ce poste attendent qu’il arrive (le service de partage est peut-être encore en train de le copier).',
  'sync.problem.segment_incomplete': 'Le fichier {file} du poste {device} est incomplet ou abîmé ({reason}) : rien n’en a été appliqué ; il sera relu à la prochaine synchronisation.',
  'sync.problem.line_invalid': 'Ligne {line} du fichier {file} illisible ({reason}) : mise de côté, les autres opérations ont été appliquées.',
  'sync.problem.conflicted_copy': '« {file} » est une copie en conflit créée par le service de partage (de « {of} ») : Carnet ne la lit pas. Vous pouvez la supprimer.',
  'sync.problem.unknown_file': '« {file} » n’a rien à faire dans le dossier de synchronisation : Carnet l’ignore.',
  'sync.problem.clock_ahead': 'Le poste {device} a daté des opérations du {hlc}, bien après l’heure de ce poste : elles attendent (vérifiez l’horloge de ce poste-là).',
  'sync.problem.write_failed': 'Écriture impossible dans le dossier partagé ({reason}) : vos opérations restent en attente et seront envoyées à la prochaine synchronisation.',
  'sync.problem.manifest_invalid': 'Le fichier manifest.json du poste {device} est illisible ({reason}) : ce poste est ignoré jusqu’à ce qu’il soit réécrit.',
  'sync.problem.rows_pending': '{count} ligne(s) reçue(s) attendent une donnée dont elles dépendent (une mission, une entreprise…) ou entrent en conflit avec une ligne existante : elles seront réessayées à chaque synchronisation.',
  'sync.problem.newer_schema': '{count} opération(s) viennent d’une version plus récente de Carnet : elles sont gardées et seront appliquées après la mise à jour de ce poste.',
} as const;
