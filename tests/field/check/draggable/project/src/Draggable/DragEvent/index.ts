export * from './DragEvent';
