export * from './SwappableEvent';
