/**
 * What the server and the web agree on. Routes validate with these schemas and the OpenAPI document
 * is generated from them; services return their types; the web reads the same types. Nothing here
 * may import from node: or from another Harbour package: the browser bundles it.
 */
export * from './vocabulary/index';
export * from './api/index';
