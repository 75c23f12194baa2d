export * from './SortableEvent';
