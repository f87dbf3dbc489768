export * from './generate-city';
export * from './city-plan';
export * from './people';
export * from './operations';
export * from './calendar';
export { MAIN_CAMPAIGN_ID, LOOK_BACK_CAMPAIGN_ID, MAIN_CAMPAIGN_NAME, LOOK_BACK_CAMPAIGN_NAME } from './scenario';
export { WARNING_JOB_ACTOR } from './engine';
export * from './summary';
