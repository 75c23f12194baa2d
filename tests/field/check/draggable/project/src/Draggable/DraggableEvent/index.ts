export * from './DraggableEvent';
