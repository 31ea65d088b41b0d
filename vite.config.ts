import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths work both from the web host and from Electron's app:// scheme.
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
    // Keep every asset a real file so the CSP never has to allow data: scripts or styles.
    assetsInlineLimit: 0,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod places /*#__PURE__*/ notes where Rollup cannot use them; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
});
