export * from './common';
export * from './auth';
export * from './brand';
export * from './deal';
export * from './deliverable';
export * from './settings';
export * from './alert';
export * from './channel';
