/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds (e.g. two developers' test runs) live side by side; default `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
