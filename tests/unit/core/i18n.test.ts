import { describe, expect, it } from 'vitest';
import { isMessageKey, translate, type MessageKey } from '../../../core/i18n';
import { en } from '../../../core/i18n/en';
import { fr } from '../../../core/i18n/fr';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const frKeys = Object.keys(fr) as MessageKey[];

describe('message catalogues', () => {
  it('English has exactly the French keys', () => {
    expect(Object.keys(en).sort()).toEqual([...frKeys].sort());
  });

  it('has no empty message in either language', () => {
    for (const [locale, catalogue] of [['fr', fr], ['en', en]] as const) {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(typeof message, `${locale} ${key}`).toBe('string');
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages for every key', () => {
    for (const key of frKeys) expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
  });

  it('knows its own keys and nothing else', () => {
    for (const key of frKeys) expect(isMessageKey(key)).toBe(true);
    expect(isMessageKey('error.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

describe('translate', () => {
  it('fills every placeholder of every message in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const key of frKeys) {
        const names = placeholders(fr[key]);
        const params = Object.fromEntries(names.map((name, index) => [name, `<${name}:${index}>`]));
        const text = translate(locale, key, params);
        expect(text, `${locale} ${key}`).not.toMatch(/\{\w+\}/);
        for (const name of names) expect(text, `${locale} ${key}`).toContain(`<${name}:`);
        if (names.length === 0) expect(text).toBe(locale === 'fr' ? fr[key] : en[key]);
      }
    }
  });

  it('fills placeholders in place, numbers included', () => {
    expect(translate('fr', 'error.not_found.engagement', { id: '01ABC' })).toBe(
      fr['error.not_found.engagement'].replace('{id}', '01ABC'),
    );
    expect(translate('fr', 'error.not_found.engagement', { id: '01ABC' })).toContain('« 01ABC »');
    expect(translate('en', 'error.database_not_empty', { engagements: 20 })).toContain('20 engagement');
  });

  it('leaves an unknown placeholder as written, and ignores extra parameters', () => {
    expect(translate('fr', 'error.unknown_method', {})).toContain('{method}');
    expect(translate('en', 'error.unknown_method', { other: 'x' })).toContain('{method}');
    expect(translate('fr', 'error.unknown_method', { method: 'a.b', other: 'x' })).not.toContain('x');
  });

  it('does not expand placeholders found inside a parameter value', () => {
    const text = translate('fr', 'error.invalid_input', { method: '{details}', details: 'ok' });
    expect(text).toContain('« {details} »');
  });

  it('speaks French and English differently', () => {
    expect(translate('fr', 'error.unknown_method', { method: 'x' })).not.toBe(translate('en', 'error.unknown_method', { method: 'x' }));
  });
});
