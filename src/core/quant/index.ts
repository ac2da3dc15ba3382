export * from "./lognormal";
export * from "./treatment";
export * from "./random";
export * from "./simulate";
export * from "./statistics";
export * from "./thresholds";
export * from "./validate";
