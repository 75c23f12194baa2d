import Snappable from './Snappable';


export * from './SnappableEvent';
