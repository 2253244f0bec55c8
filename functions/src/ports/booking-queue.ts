/** Hands confirmed pairs to booking (PRODUCT rule 5), which books their series asynchronously. */
export interface BookingQueue {
  enqueue(pairId: string): Promise<void>;
}

/** The message booking reads from the `booking` queue (JSON, base64 as Functions expects). */
export interface BookingMessage {
  pairId: string;
}
