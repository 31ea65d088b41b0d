import { describe, expect, it } from 'vitest';
import { tilesPathFor } from '../../shared/basemaps';
import { tileUrlTemplate } from '../../renderer/map/basemaps/tile-url';

describe('Given a package served at tiles/<id>/{z}/{x}/{y}', () => {
  const tilesPath = tilesPathFor('sardinia-topo');

  it('When the page is in the web host, Then the URL is on the page origin with the token, and the placeholders stay literal', () => {
    const url = tileUrlTemplate(tilesPath, { kind: 'web', origin: 'http://127.0.0.1:41234', token: 'abc' });
    expect(url).toBe('http://127.0.0.1:41234/tiles/sardinia-topo/{z}/{x}/{y}?token=abc');
  });

  it('When the token holds characters special in a query, Then they are percent-encoded', () => {
    const url = tileUrlTemplate(tilesPath, { kind: 'web', origin: 'http://127.0.0.1:41234', token: 'a+b/c=&d' });
    expect(url).toBe('http://127.0.0.1:41234/tiles/sardinia-topo/{z}/{x}/{y}?token=a%2Bb%2Fc%3D%26d');
  });

  it('When the page is in Electron, Then the URL is on app://outpost with no token', () => {
    expect(tileUrlTemplate(tilesPath, { kind: 'electron' })).toBe('app://outpost/tiles/sardinia-topo/{z}/{x}/{y}');
  });

  it('When the path starts with a slash, Then the URL has no doubled slash', () => {
    expect(tileUrlTemplate(`/${tilesPath}`, { kind: 'electron' })).toBe('app://outpost/tiles/sardinia-topo/{z}/{x}/{y}');
  });
});
