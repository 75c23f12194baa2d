export * from './MirrorEvent';
