import packageJson from '../package.json' with { type: 'json' };

export const CARNET_VERSION: string = packageJson.version;
