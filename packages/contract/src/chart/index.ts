/**
 * How a chart of entities and links is drawn, shared so that the web's SVG and PNG exports and the
 * server's PDF export look the same. Strings only: no DOM, no node:.
 */
export * from './look';
export * from './svg';
