/**
 * The reference receiver's public API, for hosts that start it from their own code (and for
 * its tests): `civic-action/receiver`.
 */
export {receiverConfigSchema, type ReceiverConfig, type CampaignConfig} from './config/config-schema.js';
export {ConfigError, loadConfigFile, parseConfig, type LoadedConfig} from './config/load-config.js';
export {CannotListen, CannotStart, createReceiver, startReceiver, startWorker, type Receiver, type RunningReceiver, type ReceiverOptions} from './receiver.js';
export {reviewReason} from './http/submit.js';
export {csvCell} from './http/csv.js';
export {main} from './cli.js';
export {DeliveryWorker, classifyFailure, retryDelay} from './delivery/worker.js';
