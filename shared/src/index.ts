export * from './domain.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './schemas.ts';
export * from './events.ts';
export * from './service-hours.ts';
export * from './team-schemas.ts';
export * from './file-schemas.ts';
