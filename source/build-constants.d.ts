/** package.json's version, written in by the bundler (scripts/bundle-options.mjs); only dist/ has it. */
declare const CA_WIZARD_VERSION: string;
