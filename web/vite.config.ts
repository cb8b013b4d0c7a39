import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Node's environment, typed here so the app's tsconfig need not pull in @types/node.
declare const process: { env: Record<string, string | undefined> };
const apiTarget = process.env.HEARTH_API ?? 'http://127.0.0.1:8080';
// The browser's Host goes through unchanged: the server refuses a write whose Origin is not its Host
// (its same-origin check against cross-site requests), and the page's origin is this server's.
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

// The C++ server serves web/dist at / with an SPA fallback, so the app lives at the root.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // `npm run dev` / `vite preview` pass /api to a running `hearth serve` (HEARTH_API, default :8080).
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry holds antd (~700 kB before gzip) and the zh-CN/English messages of every module
    // (~125 kB source); pages are split off with React.lazy. Splitting antd into a chunk of its own was
    // tried: it pulled the lazy pages' antd parts in too and grew the first download.
    chunkSizeWarningLimit: 1300,
    rollupOptions: {
      output: {
        // Shared chunks are named after their first module, which misleads ("apiErrors" holding
        // antd); name the ones that are mostly third-party code "vendor" instead.
        chunkFileNames: (chunk) => {
          const ids = chunk.moduleIds;
          const vendor = ids.filter((id) => id.includes('/node_modules/')).length;
          return !chunk.isDynamicEntry && vendor * 2 > ids.length ? 'assets/vendor-[hash].js' : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
