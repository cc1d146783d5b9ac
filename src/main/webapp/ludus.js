/*
 * Ludus page client: wire protocol v1 (docs/protocol.md).
 * Included in <head> as <script src="/ludus.js" data-live-url="/live/CODE/INDEX">, so liveSend exists
 * before the body runs. The page defines liveRecv(data), which also gets the page's state (its liveState on
 * the server) when the socket opens and after each reconnect; it may define liveReconnect() as well.
 */
(function () {
  'use strict';

  const script = document.currentScript || document.querySelector('script[data-live-url]');
  const liveUrl = script && script.dataset.liveUrl;
  // No live method on this page, or the script was included twice: one socket per page, or none.
  if (!liveUrl || window.ludus) return;

  const MAX_FRAME_BYTES = 64 * 1024; // server default; an oversized frame would be refused on every re-send
  const PING_EVERY_MS = 20000;
  const PONG_WITHIN_MS = 10000;
  const BACKOFF_MIN_MS = 500;
  const BACKOFF_MAX_MS = 10000;
  const FATAL = { 4400: 'malformed live URL', 4404: 'unknown participant code' };

  // One id per page load: the server uses (clientId, message id) to drop re-sent duplicates.
  const clientId = Array.from(crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, '0')).join('');
  const url = new URL(liveUrl, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('client', clientId);

  let ws = null;            // the current socket; events from an older socket are ignored
  let everOpened = false;   // the first open is a connect, every later one a reconnect
  let stopped = false;      // page hidden or fatal close: do not reconnect
  let fatal = false;        // the server said this URL will never work
  let parsed = document.readyState !== 'loading';
  let attempt = 0;
  let retryTimer = 0;
  let pingTimer = 0;
  let deadTimer = 0;
  let nextId = 1;
  const outbox = [];        // {id, frame, resolve, reject}, queued or sent but not acked, in id order
  const held = [];          // incoming work that waits until the DOM (and liveRecv) exists

  function connect() {
    if (stopped || ws) return;
    clearTimeout(retryTimer);
    const sock = ws = new WebSocket(url.href);
    sock.onopen = () => {
      if (sock !== ws) return;
      pingTimer = setInterval(ping, PING_EVERY_MS);
      // Unacked messages first, with their old ids: the server acks what it already committed. Then the
      // page's state (the server's liveState), on the first open and after every reconnect: a resync asks,
      // it never repeats a message that may have been a move.
      for (const m of outbox) sock.send(m.frame);
      sock.send('{"type":"state"}');
      if (everOpened && typeof window.liveReconnect === 'function') whenParsed(() => window.liveReconnect());
      everOpened = true;
    };
    sock.onmessage = (e) => { if (sock === ws) receive(e.data); };
    sock.onclose = (e) => { if (sock === ws) { detach(); afterDrop(e.code); } };
  }

  // Forget the current socket (its late events are then ignored) and its timers.
  function detach() {
    const sock = ws;
    ws = null;
    clearInterval(pingTimer);
    clearTimeout(deadTimer);
    return sock;
  }

  function afterDrop(code) {
    if (FATAL[code]) {
      stopped = fatal = true;
      console.error('Ludus live: ' + FATAL[code] + ' (close code ' + code + '); not reconnecting');
      for (const m of outbox.splice(0)) whenParsed(() => m.reject(liveError('closed', FATAL[code], m.id)));
      return;
    }
    if (stopped) return;
    // Jitter, so that a restarted server is not hit by every page in the same instant.
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
    attempt = Math.min(attempt + 1, 10);
    retryTimer = setTimeout(connect, delay * (0.5 + Math.random() / 2));
  }

  // A half-open socket (sleeping laptop, dead proxy) never fires close by itself.
  function ping() {
    ws.send('{"type":"ping"}');
    clearTimeout(deadTimer);
    deadTimer = setTimeout(() => {
      const sock = detach();
      sock.close(1000);
      afterDrop(0);
    }, PONG_WITHIN_MS);
  }

  function receive(text) {
    clearTimeout(deadTimer);
    attempt = 0; // the server answers, so the next drop may retry quickly again
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      console.error('Ludus live: unreadable frame', text);
      return;
    }
    if (msg.type === 'live' || (msg.type === 'state' && 'data' in msg)) {
      whenParsed(() => {
        if (typeof window.liveRecv === 'function') window.liveRecv(msg.data);
        else console.warn('Ludus live: message received but the page defines no liveRecv', msg.data);
      });
    } else if (msg.type === 'ack') {
      settle(msg.id, (m) => m.resolve());
    } else if (msg.type === 'error' && msg.code === 'outcome_unknown') {
      // The server lost its database while committing it: the same message again (same id) settles it.
      // A few times at most: an outcome that stays unknown is reported like any refusal.
      const m = outbox.find((queued) => queued.id === msg.id);
      if (m && (m.unknown = (m.unknown || 0) + 1) <= 5) {
        setTimeout(() => { if (ws && ws.readyState === WebSocket.OPEN && outbox.includes(m)) ws.send(m.frame); },
          BACKOFF_MIN_MS * m.unknown);
      } else if (m) {
        settle(msg.id, (queued) => queued.reject(liveError(msg.code, msg.message, queued.id)));
      }
    } else if (msg.type === 'error' && msg.code === 'unavailable') {
      // The server is stopping and applied nothing; it closes the socket (1001) and the message, still in the
      // outbox, goes again with its id once the page has reconnected (to this server when back, or another).
    } else if (msg.type === 'error') {
      console.error('Ludus live error', msg.code + ': ' + msg.message);
      settle(msg.id, (m) => m.reject(liveError(msg.code, msg.message, m.id)));
    } else if (msg.type === 'moved') {
      // The server moved the participant on (a wait page released them, a timeout, an admin): follow it.
      if (msg.url && msg.url !== location.pathname) {
        stopped = true;
        location.replace(msg.url);
      }
    }
    // 'pong' only proves the socket is alive; unknown types are ignored for forward compatibility.
  }

  function settle(id, fn) {
    const i = outbox.findIndex((m) => m.id === id);
    if (i < 0) return; // an ack for a re-sent duplicate, or an error with id null
    const m = outbox.splice(i, 1)[0];
    // Through the same queue as live frames, so a promise never settles before liveRecv saw the replies.
    whenParsed(() => fn(m));
  }

  // Until DOMContentLoaded, liveRecv may not be defined yet and the elements it updates may not exist.
  // A flag rather than readyState: deferred scripts still run between 'interactive' and DOMContentLoaded.
  function whenParsed(fn) {
    if (parsed) run(fn);
    else held.push(fn);
  }
  document.addEventListener('DOMContentLoaded', () => {
    parsed = true;
    for (const fn of held.splice(0)) run(fn);
  });

  // One failing liveRecv must not stop the messages behind it.
  function run(fn) {
    try {
      fn();
    } catch (e) {
      if (typeof window.reportError === 'function') window.reportError(e);
      else console.error(e);
    }
  }

  function liveError(code, message, id) {
    const e = new Error(code + ': ' + message);
    e.code = code;
    e.id = id;
    return e;
  }

  function liveSend(data) {
    const json = JSON.stringify(data) ?? 'null'; // throws on cyclic data, like JSON.stringify itself
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.catch(() => {}); // pages may ignore the promise; refusals are already logged
    const frame = '{"type":"live","id":' + nextId + ',"data":' + json + '}';
    let refusal = null;
    if (fatal) refusal = liveError('closed', 'the live connection was closed for good', null);
    else if (new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) {
      refusal = liveError('too_large', 'message is over ' + MAX_FRAME_BYTES + ' bytes', null);
      console.error('Ludus live error', refusal.message);
    }
    if (refusal) { // refused here, so it takes no id: ids stay consecutive
      reject(refusal);
      return promise;
    }
    outbox.push({ id: nextId++, frame, resolve, reject });
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(frame);
    return promise;
  }

  window.liveSend = liveSend;
  Object.defineProperty(window, 'ludus', {
    value: Object.freeze({
      state: () => (!ws ? 'closed' : ws.readyState === WebSocket.OPEN ? 'open'
        : ws.readyState === WebSocket.CONNECTING ? 'connecting' : 'closed'),
      pending: () => outbox.length,
    }),
  });

  // Leaving the page: close politely and stay closed. Back/forward cache may bring the page back.
  window.addEventListener('pagehide', () => {
    stopped = true;
    clearTimeout(retryTimer);
    const sock = detach();
    if (sock) sock.close(1000);
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted && !fatal) {
      stopped = false;
      connect();
    }
  });
  // Back online: no need to sit out the rest of a long backoff.
  window.addEventListener('online', () => {
    if (!ws && !stopped) {
      attempt = 0;
      connect();
    }
  });

  connect();
})();
