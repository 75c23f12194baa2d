export * from './DroppableEvent';
