import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/ and is built next to the server's output so the
// server can serve dist/web as static files in production.
export default defineConfig(({ command }) => {
  // A build must be the production build whatever NODE_ENV the caller has:
  // vitest sets NODE_ENV=test, and the e2e global setup builds from inside it,
  // which would otherwise ship React's development build. Vite reads NODE_ENV
  // after loading this file, so setting it here is enough.
  if (command === 'build' && process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'production';

  return {
    root: 'web',
    plugins: [react()],
    build: {
      outDir: '../dist/web',
      emptyOutDir: true,
      rollupOptions: {
        output: {
          // Libraries change less often than our code: separate chunks stay cached across releases.
          manualChunks(id: string) {
            if (!id.includes('node_modules')) return undefined;
            if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
            if (id.includes('node_modules/@mantine/') || id.includes('node_modules/@floating-ui/')) return 'mantine';
            // Charts only load with the pages that draw them, not with the sign-in page.
            if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
            return 'vendor';
          },
        },
      },
    },
    server: {
      proxy: {
        '/api': 'http://127.0.0.1:3000',
      },
    },
  };
});
