import Droppable from './Droppable';


export * from './DroppableEvent';
