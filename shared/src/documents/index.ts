export { embeddedToDocumentOffset, documentToEmbeddedOffset, embeddedRangeToDocument } from './embedded';
