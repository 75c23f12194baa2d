import Draggable from './Draggable';



export * from './DragEvent';
export * from './DraggableEvent';
export * from './Plugins';
export * from './Sensors';
