import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools and reload appear only in a development build. */
  isPackaged: boolean;
  showAbout(): void;
}

const APP_NAME = 'Carnet';
const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, in French. Items use Electron roles (native behaviour and shortcuts)
 * with French labels, since roles are otherwise labelled in the system's language.
 */
export function buildMenuTemplate({ platform, isPackaged, showAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `À propos de ${APP_NAME}`, click: () => showAbout() };

  const macAppMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      about,
      separator,
      { role: 'services', label: 'Services' },
      separator,
      { role: 'hide', label: `Masquer ${APP_NAME}` },
      { role: 'hideOthers', label: 'Masquer les autres' },
      { role: 'unhide', label: 'Tout afficher' },
      separator,
      { role: 'quit', label: `Quitter ${APP_NAME}` },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: isMac ? [{ role: 'close', label: 'Fermer la fenêtre' }] : [{ role: 'quit', label: 'Quitter' }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      separator,
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      separator,
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload', label: 'Recharger' }, { role: 'toggleDevTools', label: 'Outils de développement' }];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      { role: 'resetZoom', label: 'Réinitialiser le zoom' },
      separator,
      { role: 'togglefullscreen', label: 'Plein écran' },
      ...developerItems,
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Fenêtre',
    role: 'window',
    submenu: isMac
      ? [{ role: 'minimize', label: 'Réduire' }, { role: 'zoom', label: 'Agrandir' }, separator, { role: 'front', label: 'Tout ramener au premier plan' }]
      : [{ role: 'minimize', label: 'Réduire' }, { role: 'close', label: 'Fermer' }],
  };

  const helpMenu: MenuItemConstructorOptions = { label: 'Aide', role: 'help', submenu: [about] };

  return [...(isMac ? [macAppMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** The "À propos de Carnet" box: the same on every platform, in French. */
export function aboutDialogOptions(version: string): MessageBoxOptions {
  return {
    type: 'info',
    title: `À propos de ${APP_NAME}`,
    message: `${APP_NAME} ${version}`,
    detail: 'Carnet de mission des accompagnements « Relocalisation / Diversification ».\nVos données restent sur cet ordinateur.',
    buttons: ['Fermer'],
  };
}
