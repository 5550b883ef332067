/** An init script that makes every WebSocket fail to connect, as behind proxies that drop the upgrade. */

/**
 * Replaces `window.WebSocket` before any page script runs with one that errors and closes
 * (code 1006) right after construction, so clients must fall back to HTTP long-polling.
 */
export const BLOCK_WEBSOCKET_SCRIPT = `(() => {
  class BlockedWebSocket extends EventTarget {
    constructor(url) {
      super();
      this.url = String(url);
      this.readyState = 0;
      this.protocol = '';
      this.extensions = '';
      this.bufferedAmount = 0;
      this.binaryType = 'blob';
      this.onopen = null;
      this.onmessage = null;
      this.onerror = null;
      this.onclose = null;
      setTimeout(() => {
        this.readyState = 3;
        const error = new Event('error');
        if (this.onerror) this.onerror(error);
        this.dispatchEvent(error);
        const close = new CloseEvent('close', { code: 1006, reason: '', wasClean: false });
        if (this.onclose) this.onclose(close);
        this.dispatchEvent(close);
      }, 20);
    }
    send() { throw new DOMException('WebSocket is blocked', 'InvalidStateError'); }
    close() {}
  }
  BlockedWebSocket.CONNECTING = 0;
  BlockedWebSocket.OPEN = 1;
  BlockedWebSocket.CLOSING = 2;
  BlockedWebSocket.CLOSED = 3;
  window.WebSocket = BlockedWebSocket;
})();`;
