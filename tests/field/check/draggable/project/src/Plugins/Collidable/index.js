import Collidable from './Collidable';


export * from './CollidableEvent';
