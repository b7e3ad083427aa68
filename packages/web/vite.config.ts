import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

export default defineConfig({
  plugins: [react()],
  css: {
    lightningcss: { errorRecovery: true },
    preprocessorOptions: { scss: { loadPaths: [nodeModules], quietDeps: true, silenceDeprecations: ['import'] } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
