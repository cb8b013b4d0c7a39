import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Node's environment, typed here so the app's tsconfig need not pull in @types/node.
declare const process: { env: Record<string, string | undefined> };
const apiTarget = process.env.HEARTH_API ?? 'http://127.0.0.1:8080';
// The browser's Host goes through unchanged: the server refuses a write whose Origin is not its Host
// (its same-origin check against cross-site requests), and the page's origin is this server's.
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

/**
 * antd's form/context.js (which every popup, button and input reaches) takes FormProvider from
 * @rc-component/form's index, whose top level (`RefForm.Field = Field`, …) Rollup cannot prove pure:
 * so all of rc-form and its validator (~15 kB gzip) were in the entry. FormProvider comes from its own
 * module instead; the Form component still brings the rest where it is used (the login page, forms).
 * Should antd change that line, this warns and the build is merely heavier (first-screen.mjs weighs it).
 */
function rcFormProviderAlone(): Plugin {
  const from = "import { FormProvider as RcFormProvider } from '@rc-component/form';";
  const to = "import { FormProvider as RcFormProvider } from '@rc-component/form/es/FormContext';";
  return {
    name: 'hearth:rc-form-provider-alone',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/node_modules/antd/es/form/context.js')) return null;
      if (!code.includes(from)) {
        this.warn('antd/es/form/context.js no longer imports FormProvider as expected: rc-form stays whole in the entry');
        return null;
      }
      return { code: code.replace(from, to), map: null };
    },
  };
}

/**
 * The owners' survey page (survey.html, src/survey/) is a second entry of its own, no React or antd.
 * Its script has no dynamic import, so it needs no modulepreload polyfill. Left in, that module is
 * shared by both pages, and experimentalMinChunkSize merges it into a chunk of the staff app (the
 * survey page then loaded messagesService, and the staff app's chunks all changed).
 */
function surveyWithoutPreloadPolyfill(): Plugin {
  const polyfill = 'import "vite/modulepreload-polyfill";';
  return {
    name: 'hearth:survey-without-preload-polyfill',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!id.endsWith('/survey.html') || !code.includes(polyfill)) return null;
      return { code: code.replace(polyfill, ''), map: null };
    },
  };
}

/**
 * `npm run dev` (and `vite preview`) answer survey.html for any path under /s/, as the C++ server
 * does (src/http/static_files.cpp): /s/{token}, /s/preview/{surveyId}.
 */
function surveyPageUnderS(): Plugin {
  const rewrite = (req: { url?: string }, _res: unknown, next: () => void) => {
    if (req.url && /^\/s\/[^?#]/.test(req.url)) req.url = '/survey.html';
    next();
  };
  return {
    name: 'hearth:survey-page-under-s',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/** A file beside this config (the build's HTML entries), whatever the directory Vite runs in. */
const besideConfig = (name: string) => decodeURIComponent(new URL(`./${name}`, import.meta.url).pathname);

/**
 * The lazy modules of the first screens, which scripts/first-screen.mjs weighs by their chunks' names
 * (keep the two lists in step): the login page; the signed-in frame with the home page, the messages
 * it waits for and the home's sections by role (src/app/AppRoutes.tsx, i18n/i18nContext.ts).
 */
const kFirstScreenChunks = [
  'modules/platform/pages/LoginPage.tsx',
  'app/SignedInRoutes.tsx',
  'app/i18n/messagesService.ts',
  'modules/service/components/WorkListHome.tsx',
  'modules/service/components/SupervisorGlance.tsx',
  'modules/platform/components/HomeOverview.tsx',
  'app/i18n/messagesEn.ts',
];

// The C++ server serves web/dist at / with an SPA fallback, so the app lives at the root.
export default defineConfig({
  base: '/',
  plugins: [react(), rcFormProviderAlone(), surveyWithoutPreloadPolyfill(), surveyPageUnderS()],
  // `npm run dev` / `vite preview` pass /api to a running `hearth serve` (HEARTH_API, default :8080).
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry holds React, the router, TanStack Query, antd's core (ConfigProvider, App with its
    // message/notification/modal, Button, Typography…) and the Chinese of the shell and the platform
    // module (~660 kB, ~220 kB gzip); the login page, the signed-in frame, the home page, every other
    // page, the other modules' messages and the English are chunks loaded on first use.
    // scripts/first-screen.mjs (run by npm run build) weighs what the first screen downloads.
    // Splitting antd into a chunk of its own was tried: it pulled the lazy pages' antd parts in too
    // and grew the first download.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // The staff app, and the owners' survey page (/s/…), which shares no code with it:
      // scripts/first-screen.mjs checks its scripts stay under 150 KB.
      input: { index: besideConfig('index.html'), survey: besideConfig('survey.html') },
      // experimentalMinChunkSize (below) reports its merging at every build; keep the output to the point.
      onLog(level, log, handler) {
        if (log.code !== 'OPTIMIZE_CHUNK_STATUS') handler(level, log);
      },
      output: {
        // Rollup cuts the modules shared by the lazy pages into many small chunks (an icon, a hook):
        // ~140 files, ~30 of them for the home page. Merging those under 3 kB into the chunks loaded
        // with them leaves ~100 (~20 for the home page) for about the same bytes. Larger thresholds
        // merge page code into chunks the first screen loads (at 8-10 kB the login page got the
        // service module's messages and the home page antd's Form and Radio, +10-15 kB gzip), and
        // which chunks merge changes with unrelated edits: scripts/first-screen.mjs weighs the result.
        // (2 kB left the service module's labels and types in chunks of their own once the delivery
        // pages shared them: the manager's first screen 301.0 KB; 3 kB: 299.7 KB; 4 kB: 301.7 KB.)
        experimentalMinChunkSize: 3_000,
        // Shared chunks are named after their first module, which misleads ("apiErrors" holding
        // antd); name the ones that are mostly third-party code "vendor" instead. A chunk holding one
        // of the first screen's lazy modules (kFirstScreenChunks) is named after it, also when small
        // chunks were merged into it: scripts/first-screen.mjs finds them by these names.
        chunkFileNames: (chunk) => {
          const ids = chunk.moduleIds;
          const named = kFirstScreenChunks.find((path) => ids.some((id) => id.endsWith(`/src/${path}`)));
          if (named) return `assets/${named.replace(/^.*\//, '').replace(/\.tsx?$/, '')}-[hash].js`;
          const vendor = ids.filter((id) => id.includes('/node_modules/')).length;
          return !chunk.isDynamicEntry && vendor * 2 > ids.length ? 'assets/vendor-[hash].js' : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
