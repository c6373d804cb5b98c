import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDialogOptions, buildMenuTemplate } from '../../../electron/menu';

type Item = MenuItemConstructorOptions;

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const labels = (items: Item[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);
const byLabel = (template: Item[], label: string) => template.find((item) => item.label === label);
const allItems = (items: Item[]): Item[] => items.flatMap((item) => [item, ...allItems(submenu(item))]);

describe('buildMenuTemplate on Windows and Linux', () => {
  const template = buildMenuTemplate({ platform: 'win32', isPackaged: true, showAbout: () => {} });

  it('has the French menus in order, without a macOS app menu', () => {
    expect(template.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('labels every item in French', () => {
    expect(labels(submenu(byLabel(template, 'Fichier')))).toEqual(['Quitter']);
    expect(labels(submenu(byLabel(template, 'Édition')))).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(labels(submenu(byLabel(template, 'Affichage')))).toEqual(['Zoom avant', 'Zoom arrière', 'Réinitialiser le zoom', 'Plein écran']);
    expect(labels(submenu(byLabel(template, 'Fenêtre')))).toEqual(['Réduire', 'Fermer']);
    expect(labels(submenu(byLabel(template, 'Aide')))).toEqual(['À propos de Carnet']);
  });

  it('gives every role item a label, so none shows in the system language', () => {
    for (const item of allItems(template)) {
      if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role)).toBeTruthy();
    }
  });

  it('uses the native roles for editing (shortcuts and clipboard work)', () => {
    expect(submenu(byLabel(template, 'Édition')).map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(byLabel(template, 'Fichier'))[0]?.role).toBe('quit');
  });
});

describe('developer tools', () => {
  const viewItems = (isPackaged: boolean) => submenu(byLabel(buildMenuTemplate({ platform: 'linux', isPackaged, showAbout: () => {} }), 'Affichage'));

  it('are absent from a packaged build', () => {
    const roles = viewItems(true).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('are offered in development', () => {
    expect(labels(viewItems(false))).toContain('Outils de développement');
    expect(viewItems(false).map((item) => item.role)).toContain('toggleDevTools');
  });
});

describe('buildMenuTemplate on macOS', () => {
  const template = buildMenuTemplate({ platform: 'darwin', isPackaged: true, showAbout: () => {} });

  it('starts with the app menu named Carnet', () => {
    expect(template.map((item) => item.label)).toEqual(['Carnet', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(labels(submenu(template[0]))).toEqual(['À propos de Carnet', 'Services', 'Masquer Carnet', 'Masquer les autres', 'Tout afficher', 'Quitter Carnet']);
  });

  it('closes the window from Fichier (quitting lives in the app menu)', () => {
    expect(submenu(byLabel(template, 'Fichier')).map((item) => [item.role, item.label])).toEqual([['close', 'Fermer la fenêtre']]);
  });
});

describe('À propos de Carnet', () => {
  it('opens the about box from the Aide menu', () => {
    const showAbout = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, showAbout });
    const about = submenu(byLabel(template, 'Aide'))[0]!;
    (about.click as () => void)();
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('shows the version in French', () => {
    const options = aboutDialogOptions('1.2.3');
    expect(options).toMatchObject({ title: 'À propos de Carnet', message: 'Carnet 1.2.3', buttons: ['Fermer'] });
  });
});
