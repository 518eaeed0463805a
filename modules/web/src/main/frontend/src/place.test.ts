import { describe, expect, it } from 'vitest';
import { appUrls, placeOf } from './place';

describe('placeOf', () => {
  it('finds the library system and the view in the path', () => {
    expect(placeOf('/t/riverbend/')).toEqual({ slug: 'riverbend', view: 'home' });
    expect(placeOf('/t/riverbend')).toEqual({ slug: 'riverbend', view: 'home' });
    expect(placeOf('/t/lakeview-law/callback')).toEqual({ slug: 'lakeview-law', view: 'callback' });
    expect(placeOf('/t/riverbend/anything/else')).toEqual({ slug: 'riverbend', view: 'home' });
  });

  it('refuses what is not a tenant slug', () => {
    for (const path of ['/', '/app/', '/t/', '/t//', '/t/Riverbend/', '/t/ab/', '/t/-river/', '/t/river-/', '/t/%3Cb%3E/']) {
      expect(placeOf(path), path).toBeNull();
    }
  });
});

describe('appUrls', () => {
  it('keeps every return address inside the tenant path', () => {
    expect(appUrls('https://sp.example.org', 'riverbend')).toEqual({
      home: 'https://sp.example.org/t/riverbend/',
      callback: 'https://sp.example.org/t/riverbend/callback',
      signedOut: 'https://sp.example.org/t/riverbend/signed-out',
    });
  });
});
