import Swappable from './Swappable';


export * from './SwappableEvent';
