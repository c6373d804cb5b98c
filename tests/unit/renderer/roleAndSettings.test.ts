// Which screens each role reaches and where it starts; the Région's watched folders as a list
// (add, rename, remove) and where a refusal of that list is shown.
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../core/errors';
import { parseRoute } from '../../../renderer/src/router';
import { homeHref, routeAllowed } from '../../../renderer/src/screens/role/roleRoutes';
import { addReviewFolder, refusalPlace, refusedFolderIndex, removeReviewFolder, renameReviewFolder, samePlace } from '../../../renderer/src/screens/settings/reviewFolders';

const allowed = (hash: string, role: 'firm' | 'region') => routeAllowed(parseRoute(hash), role);

describe('routes by role', () => {
  it('gives the firm its screens and the Région its own', () => {
    for (const hash of ['#/', '#/engagements/e1', '#/engagements/new', '#/timesheet', '#/companies', '#/consultants', '#/dashboard', '#/programmes', '#/sync']) {
      expect(allowed(hash, 'firm'), hash).toBe(true);
      expect(allowed(hash, 'region'), hash).toBe(false);
    }
    for (const hash of ['#/review', '#/review/0123abcd', '#/region/programme']) {
      expect(allowed(hash, 'region'), hash).toBe(true);
      expect(allowed(hash, 'firm'), hash).toBe(false);
    }
  });

  it('lets both reach the settings and « page not found »', () => {
    for (const role of ['firm', 'region'] as const) {
      expect(allowed('#/settings', role)).toBe(true);
      expect(allowed('#/nowhere', role)).toBe(true);
    }
  });

  it('starts each role at its home, which it is allowed to reach', () => {
    expect(homeHref('firm')).toBe('#/');
    expect(homeHref('region')).toBe('#/review');
    for (const role of ['firm', 'region'] as const) expect(allowed(homeHref(role), role)).toBe(true);
  });
});

describe('watched folders', () => {
  const folders = [
    { path: '/srv/a', firm: 'Cabinet A' },
    { path: '/srv/b', firm: 'Cabinet B' },
    { path: '/srv/c', firm: 'Cabinet C' },
  ];

  it('adds (trimmed), renames and removes one folder, leaving the others as they were', () => {
    expect(addReviewFolder(folders, { path: ' /srv/d ', firm: ' Cabinet D ' }).at(-1)).toEqual({ path: '/srv/d', firm: 'Cabinet D' });
    expect(renameReviewFolder(folders, 1, ' Conseil B ')).toEqual([folders[0], { path: '/srv/b', firm: 'Conseil B' }, folders[2]]);
    expect(removeReviewFolder(folders, 1)).toEqual([folders[0], folders[2]]);
    expect(folders).toHaveLength(3);
  });

  it('reads which folder a refusal names from its field', () => {
    const refusal = (field?: string) => new ApiCallError({ code: 'rule_violation', message: 'Le dossier « /srv/b » n’existe pas.', ...(field ? { field } : {}) });
    expect(refusedFolderIndex(refusal('reviewFolders.1.path'))).toBe(1);
    expect(refusedFolderIndex(refusal('reviewFolders.12.firm'))).toBe(12);
    expect(refusedFolderIndex(refusal('sharedFolder'))).toBeNull();
    expect(refusedFolderIndex(refusal())).toBeNull();
    expect(refusedFolderIndex(new Error('réseau'))).toBeNull();
  });

  it('shows a refusal beside the folder it names, shifted by a removal, or where the change was made', () => {
    // Adding a fourth folder: a refusal about it goes under the form, one about an old one beside it.
    expect(refusalPlace(3, { at: 'add' }, 4, 3)).toEqual({ at: 'add' });
    expect(refusalPlace(0, { at: 'add' }, 4, 3)).toEqual({ at: 'row', index: 0 });
    expect(refusalPlace(null, { at: 'add' }, 4, 3)).toEqual({ at: 'add' });
    // Renaming the second: a refusal about the third goes beside the third.
    expect(refusalPlace(2, { at: 'row', index: 1 }, 3, 3)).toEqual({ at: 'row', index: 2 });
    // Removing the first: the list sent starts at the second folder.
    expect(refusalPlace(0, { at: 'row', index: 0 }, 2, 3)).toEqual({ at: 'row', index: 1 });
    expect(refusalPlace(1, { at: 'row', index: 1 }, 2, 3)).toEqual({ at: 'row', index: 2 });
    expect(refusalPlace(0, { at: 'row', index: 1 }, 2, 3)).toEqual({ at: 'row', index: 0 });
    expect(samePlace({ at: 'row', index: 1 }, { at: 'row', index: 1 })).toBe(true);
    expect(samePlace({ at: 'row', index: 1 }, { at: 'add' })).toBe(false);
  });
});
