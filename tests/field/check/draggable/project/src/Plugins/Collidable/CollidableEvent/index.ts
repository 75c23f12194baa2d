export * from './CollidableEvent';
