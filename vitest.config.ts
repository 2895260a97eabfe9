import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    // Hang guards, not speed limits: on a busy CI machine a test that spawns the packs CLI or
    // builds a jsdom page can take several seconds. Speed is measured in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
