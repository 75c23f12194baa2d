export * from './SnappableEvent';
