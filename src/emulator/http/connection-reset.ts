/**
 * Thrown by a middleware that wants no answer at all: the server resets the TCP connection
 * (RST) instead of sending a response, as a crashed proxy or a dropped keep-alive socket does.
 * The client sees ECONNRESET / "other side closed".
 */
export class ConnectionReset extends Error {
  constructor() {
    super('Connection reset on purpose by an emulator fault.');
    this.name = 'ConnectionReset';
  }
}
