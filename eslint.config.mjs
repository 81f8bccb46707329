import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'drizzle/**', '.data/**', 'bench/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Client islands receive DTOs as props; they must never reach the database or server secrets.
    files: ['**/*.client.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/db/*', '**/db/*', '@/lib/env', '@/lib/reader', 'server-only'] }],
    },
  },
]);
