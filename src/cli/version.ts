import packageJson from '../../package.json' with {type: 'json'}

export const VERSION: string = packageJson.version
export const HOMEPAGE = 'https://github.com/whylint/whylint'
