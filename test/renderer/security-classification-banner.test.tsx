// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Markings } from '../../shared/marking';
import { ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { MarkedView } from '../../renderer/security/MarkedView';
import { aRootPerTest, byTestId, settle } from './support/dom';
import { fakeClient } from './support/fake-client';

function markingsHost(markings: Markings) {
  return fakeClient((method) => (method === 'app.markings' ? ok(markings) : undefined));
}

function View({ client }: { readonly client: Client }) {
  return (
    <MarkedView client={client}>
      <div className="app" data-testid="the-app" />
    </MarkedView>
  );
}

const bannerEdges = () => {
  const view = document.querySelector('.marked-view');
  return [...(view?.children ?? [])].map((child) => child.getAttribute('data-testid'));
};

describe('Given a site that works at SECRET//NOFORN', () => {
  const root = aRootPerTest();

  it('When the view opens, Then the marking heads and foots it, in red with white text, named for assistive technology', async () => {
    const host = markingsHost({ marking: 'SECRET//NOFORN', consent: null });
    await settle(() => root.current.render(<View client={host.client} />));

    for (const edge of ['top', 'bottom']) {
      const banner = byTestId(`classification-banner-${edge}`);
      expect(banner.textContent).toBe('SECRET//NOFORN');
      expect(banner.getAttribute('role')).toBe('region');
      expect(banner.getAttribute('aria-label')).toBe('Classification: SECRET//NOFORN');
      expect([banner.style.background, banner.style.color]).toEqual(['rgb(200, 16, 46)', 'rgb(255, 255, 255)']);
    }
    expect(host.calls('app.markings')).toEqual([{}]);
  });

  it('When the view opens, Then the banners are rows of their own before and after the app, not laid over it', async () => {
    await settle(() => root.current.render(<View client={markingsHost({ marking: 'SECRET//NOFORN', consent: null }).client} />));
    expect(bannerEdges()).toEqual(['classification-banner-top', 'consent-gated', 'classification-banner-bottom']);
    expect(byTestId('consent-gated').contains(byTestId('the-app'))).toBe(true);
  });
});

describe('Given sites at each level', () => {
  const root = aRootPerTest();

  it.each([
    ['UNCLASSIFIED', 'rgb(0, 122, 51)', 'rgb(255, 255, 255)'],
    ['CUI//SP-PRVCY', 'rgb(80, 43, 133)', 'rgb(255, 255, 255)'],
    ['CONFIDENTIAL', 'rgb(0, 51, 160)', 'rgb(255, 255, 255)'],
    ['TOP SECRET//SI', 'rgb(255, 140, 0)', 'rgb(0, 0, 0)'],
    ['NATO RESTRICTED', 'rgb(77, 77, 77)', 'rgb(255, 255, 255)'],
  ])('When the site works at %s, Then its banner is %s with %s text', async (marking, background, text) => {
    await settle(() => root.current.render(<View client={markingsHost({ marking, consent: null }).client} />));
    const banner = byTestId('classification-banner-top');
    expect([banner.textContent, banner.style.background, banner.style.color]).toEqual([marking, background, text]);
  });
});

describe('Given the marking not yet read', () => {
  const root = aRootPerTest();

  it('When the view opens, Then both banners hold their place, say the marking is not yet known, and the app is inert', async () => {
    const waiting: Client = { ...fakeClient(() => undefined).client, call: () => new Promise<never>(() => undefined) };
    await settle(() => root.current.render(<View client={waiting} />));

    expect(byTestId('classification-banner-top').getAttribute('aria-label')).toBe('Classification: not yet known');
    expect(byTestId('classification-banner-bottom').textContent).toBe('');
    expect(byTestId('consent-gated').hasAttribute('inert')).toBe(true);
  });
});
