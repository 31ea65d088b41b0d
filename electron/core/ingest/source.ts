/** A feed of records into the ingest path: the demo scenario or a Kafka cluster. */
export interface Source {
  start(): Promise<void>;
  stop(): Promise<void>;
}
