import { defineConfig } from 'vite';

const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'web',
  resolve: {
    // The app, FullCalendar and TanStack Query are written against React; Preact's compatibility
    // layer runs them in about 10 KB gzip where React DOM takes 64 on the first page. JSX
    // compiles to `react/jsx-runtime` (tsconfig's "react-jsx"), so it follows too. No React Fast
    // Refresh (it drives React DOM): in `npm run dev` an edited component reloads the page.
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" (for React Server Components), which
      // means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client'))
          return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/kit': `http://127.0.0.1:${apiPort}`,
    },
  },
});
