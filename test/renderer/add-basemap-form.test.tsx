// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../shared/result';
import { createClient, type Client } from '../../renderer/client';
import { AddBasemapForm } from '../../renderer/map/basemaps/AddBasemapForm';
import { useBasemapCatalogue } from '../../renderer/map/basemaps/use-basemap-catalogue';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface SentCall {
  readonly method: string;
  readonly args: unknown;
}

const NO_DIALOG_SENTENCE = 'The file dialog is only in the Outpost desktop app; in the browser, type the tile package’s full path instead.';

/** A real client over a fake host, so answers are parsed against the contract as in the app. */
function hostAnswering(answers: { readonly fileDialog: boolean; readonly chosen: Result<{ path: string | null }> }) {
  const sent: SentCall[] = [];
  const answer = (method: string): Result<unknown> => {
    if (method === 'host.capabilities') return ok({ fileDialog: answers.fileDialog });
    if (method === 'files.chooseTilePackage') return answers.chosen;
    if (method === 'basemaps.list') return ok([]);
    return fail('failed', `This test does not answer ${method}.`);
  };
  const client = createClient(
    {
      call: async (method, args) => {
        sent.push({ method, args });
        return answer(method);
      },
      onEvent: () => () => undefined,
      acknowledge: () => undefined,
    },
    () => undefined,
  );
  return { client, sent };
}

/** The form as the basemap switcher wires it, minus the map. */
function FormOnCatalogue({ client }: { readonly client: Client }) {
  const catalogue = useBasemapCatalogue(client);
  return <AddBasemapForm onAdd={catalogue.add} onChoose={catalogue.choosePackage} />;
}

function byTestId(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
}

function press(testId: string): void {
  const button = byTestId(testId);
  if (button === null) throw new Error(`Nothing on the page has data-testid="${testId}".`);
  button.click();
}

function typedPath(): string {
  return (byTestId('basemap-path') as HTMLInputElement).value;
}

async function settle(action: () => void = () => undefined): Promise<void> {
  await act(async () => {
    action();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Given the form that adds a tile package', () => {
  let root: Root;

  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When the host has a file dialog and the analyst picks a package, Then its path fills the field and Add adds it', async () => {
    const { client, sent } = hostAnswering({ fileDialog: true, chosen: ok({ path: '/home/analyst/maps/sardinia.mbtiles' }) });
    await settle(() => root.render(<FormOnCatalogue client={client} />));

    await settle(() => press('basemap-browse'));
    expect(typedPath()).toBe('/home/analyst/maps/sardinia.mbtiles');
    expect(sent.map((call) => call.method)).not.toContain('basemaps.add');

    await settle(() => press('basemap-add'));
    expect(sent).toContainEqual({ method: 'basemaps.add', args: { path: '/home/analyst/maps/sardinia.mbtiles' } });
  });

  it('When the analyst cancels the dialog, Then the path already typed stays', async () => {
    const { client } = hostAnswering({ fileDialog: true, chosen: ok({ path: null }) });
    await settle(() => root.render(<FormOnCatalogue client={client} />));
    const input = byTestId('basemap-path') as HTMLInputElement;
    await settle(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '/maps/typed.pmtiles');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

    await settle(() => press('basemap-browse'));
    expect(typedPath()).toBe('/maps/typed.pmtiles');
    expect(byTestId('basemap-add-problem')).toBeNull();
  });

  it('When the host refuses the dialog, Then its sentence is shown', async () => {
    const { client } = hostAnswering({ fileDialog: true, chosen: fail('failed', NO_DIALOG_SENTENCE) });
    await settle(() => root.render(<FormOnCatalogue client={client} />));

    await settle(() => press('basemap-browse'));
    expect(byTestId('basemap-add-problem')?.textContent).toBe(NO_DIALOG_SENTENCE);
    expect(typedPath()).toBe('');
  });

  it('When the host has no file dialog (the browser), Then there is no Browse button and the path is typed', async () => {
    const { client, sent } = hostAnswering({ fileDialog: false, chosen: fail('failed', NO_DIALOG_SENTENCE) });
    await settle(() => root.render(<FormOnCatalogue client={client} />));

    expect(byTestId('basemap-browse')).toBeNull();
    expect(byTestId('basemap-path')).not.toBeNull();
    expect(document.querySelector('label')?.textContent).toBe('Add an MBTiles or PMTiles file by its full path');
    expect(sent.map((call) => call.method)).not.toContain('files.chooseTilePackage');
  });
});
