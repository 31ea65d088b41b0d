/** MapLibre's CSP build: the same API, with its worker loaded from our own origin instead of a blob. */
declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
  export * from 'maplibre-gl';
}

/** Vite turns `?url` imports into the emitted file's URL. */
declare module '*?url' {
  const url: string;
  export default url;
}

declare module '*.css';
