/**
 * Trains an offence model off the main thread (started by retrain.ts): seconds of CPU that would otherwise stall
 * every request of the process running the job queue. Receives the site's examples, answers with the serialized
 * model and its held-out measure.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { trainSiteModel, type SiteTrainingInput } from './offenseTraining'

parentPort?.postMessage(trainSiteModel(workerData as SiteTrainingInput))
