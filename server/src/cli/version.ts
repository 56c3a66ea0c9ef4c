// The product's version, read from package.json at build time so that `corefile --version` can never
// disagree with the published package.
import { version } from '../../../package.json';

export const PRODUCT_VERSION: string = version;
