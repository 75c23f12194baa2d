import Sortable from './Sortable';


export * from './SortableEvent';
