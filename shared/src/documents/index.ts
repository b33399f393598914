export { embeddedToDocumentOffset, documentToEmbeddedOffset, embeddedRangeToDocument, verbatimEmbeddedText } from './embedded';
