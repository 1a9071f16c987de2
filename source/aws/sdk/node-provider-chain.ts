// The SDK's credential chain behind a module of ours, imported statically here: the package is
// CommonJS, and a bundled dynamic import() of CommonJS yields only a default export (esbuild), so
// the named export would be missing. client-config.ts loads this module lazily instead.
export {fromNodeProviderChain} from '@aws-sdk/credential-providers';
