/** Builds into .next of the copy made by `npm run bench:web` (under .tmp), never here. */
const config = { poweredByHeader: false };

export default config;
