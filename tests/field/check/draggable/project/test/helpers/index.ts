export * from './constants';
export * from './environment';
export * from './event';
export * from './module';
export * from './plugin';
export * from './sensor';
