import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers, and the one direction their arrows run (README, "Layout"):
 *
 *   app/, server/  →  components/  →  actions/  →  services/  →  db/  →  domain/
 *
 * A folder may import from the folders to its right, never from those to its left. Type-only imports
 * (`import type`) are exempt where noted: a component may name a DTO's type without loading the DAL.
 */
const relative = ['.', '..', '../..', '../../..', '../../../..'];
const layer = (...folders) => folders.flatMap((folder) => [`@/${folder}/*`, `@/${folder}`, ...relative.map((up) => `${up}/${folder}/*`)]);
const restrict = (message, folders, { allowTypeImports = false, extra = [] } = {}) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ group: layer(...folders), message, allowTypeImports }, ...extra] },
  ],
});
/** What pure code may not load: the database, the network, files, Next's runtime. */
const ioModules = [
  { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*', 'ioredis', 'sharp', 'next', 'next/*', 'next-auth', 'next-auth/*', 'server-only', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', '@aws-sdk/*'], message: 'domain/ is pure: no database, network, files or Next runtime. Put I/O in services/ or db/.' },
];

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
    files: ['domain/**'],
    rules: restrict('domain/ is the bottom layer: it imports nothing of ours outside domain/.', ['app', 'server', 'components', 'actions', 'services', 'db'], { extra: ioModules }),
  },
  {
    files: ['db/**'],
    rules: restrict('db/ (the DAL) imports only domain/ and itself.', ['app', 'server', 'components', 'actions', 'services']),
  },
  {
    files: ['services/**'],
    rules: restrict('services/ import db/ and domain/, never the UI, the actions or the routes.', ['app', 'server', 'components', 'actions']),
  },
  {
    files: ['actions/**'],
    rules: restrict('actions/ (Server Actions) import services/, db/ and domain/, never the UI or the routes.', ['app', 'server', 'components']),
  },
  {
    files: ['components/**'],
    rules: restrict('components/ render: data comes through services/ (Server Components) or props; the DAL only by type.', ['app', 'server', 'db'], { allowTypeImports: true }),
  },
  {
    // Client islands run in the browser: DTOs come as props; no server code, no secrets.
    files: ['**/*.client.tsx'],
    rules: restrict('A client island receives DTOs as props; it may import domain/ and call actions/, nothing server-side.', ['app', 'server', 'db', 'services'], {
      allowTypeImports: true,
      extra: [{ group: ['server-only', '@/domain/env', '@/domain/config.mjs'], message: 'Server configuration never reaches the browser.' }],
    }),
  },
]);
