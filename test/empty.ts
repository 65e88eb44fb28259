// Stands in for the `server-only` marker package under vitest, which does not run as a React Server
// Component environment. The real package still guards the Next.js build.
export {};
