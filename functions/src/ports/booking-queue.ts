/** Hands confirmed pairs to booking (PRODUCT rule 5), which books their series asynchronously. */
export interface BookingQueue {
  /** `delaySeconds`: the message stays invisible that long (a pair handed back while Graph throttles). */
  enqueue(pairId: string, options?: { delaySeconds?: number }): Promise<void>;
}

/** The message booking reads from the `booking` queue (JSON, base64 as Functions expects). */
export interface BookingMessage {
  pairId: string;
}
