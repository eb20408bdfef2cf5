// GamePulse live pages (docs/decisions/0420). A file of the site, so the CSP stays script-src 'self' with no inline
// script and no eval. Three jobs, each only where its markup is:
//  1. While a page's stream is open ([data-live-stream], written by LiveStreamTagHelper), its timed polls are held
//     back: the stream brings every change. A stream that fails or closes lets polling go on as before.
//  2. A polite aria-live summary of score changes on the page the visitor is reading: throttled, the changed games only.
//  3. The "Updated … ago" note ([data-live-updated]) ticks, and restarts when fresh data arrives.
(function () {
  "use strict";

  var ANNOUNCE_EVERY_MS = 10000;
  var MAX_ANNOUNCED = 3;

  function setStream(event, state) {
    var element = event.target;
    if (element && element.hasAttribute && element.hasAttribute("data-live-stream")) {
      element.setAttribute("data-live-stream", state);
    }
  }

  document.addEventListener("htmx:sseOpen", function (e) { setStream(e, "open"); });
  document.addEventListener("htmx:sseError", function (e) { setStream(e, "closed"); });
  document.addEventListener("htmx:sseClose", function (e) { setStream(e, "closed"); });

  // A timed poll has no triggering event; a fetch the stream asked for (sse:resync) has one and goes ahead.
  document.addEventListener("htmx:beforeRequest", function (e) {
    var config = e.detail && e.detail.requestConfig;
    if (config && config.triggeringEvent) {
      return;
    }
    var stream = e.detail && e.detail.elt && e.detail.elt.closest("[data-live-stream]");
    if (stream && stream.getAttribute("data-live-stream") === "open") {
      e.preventDefault();
    }
  });

  // --- 2. Announcements --------------------------------------------------------------------------------------
  var lastScores = {};
  var pending = {};
  var order = [];
  var timer = null;
  var lastSpoken = 0;

  function text(card, testId) {
    var element = card.querySelector("[data-testid='" + testId + "']");
    return element ? element.textContent.trim() : "";
  }

  function summary(card) {
    var away = card.querySelector("[data-testid='game-card-away']");
    var home = card.querySelector("[data-testid='game-card-home']");
    if (!away || !home) {
      return null;
    }
    var awayScore = text(card, "game-card-away-score");
    var homeScore = text(card, "game-card-home-score");
    if (!awayScore || !homeScore) {
      return null;
    }
    var awayName = text(away, "game-card-team-name");
    var homeName = text(home, "game-card-team-name");
    return {
      scores: awayScore + "-" + homeScore,
      line: awayName + " " + awayScore + ", " + homeName + " " + homeScore + " — " + text(card, "game-card-state"),
    };
  }

  function speak() {
    timer = null;
    var region = document.querySelector("[data-live-announcer]");
    if (!region || order.length === 0) {
      return;
    }
    var lines = order.slice(-MAX_ANNOUNCED).map(function (id) { return pending[id]; });
    pending = {};
    order = [];
    lastSpoken = Date.now();
    region.textContent = lines.join(". ");
  }

  function noteCard(card) {
    var id = card.getAttribute("data-game-id");
    var now = summary(card);
    if (!id || !now) {
      return;
    }
    var before = lastScores[id];
    lastScores[id] = now.scores;
    if (before === undefined || before === now.scores || document.visibilityState !== "visible") {
      return; // first sight, no score change, or a page nobody is reading
    }
    if (!(id in pending)) {
      order.push(id);
    }
    pending[id] = now.line;
    if (timer === null) {
      timer = window.setTimeout(speak, Math.max(0, lastSpoken + ANNOUNCE_EVERY_MS - Date.now()));
    }
  }

  function noteCards(root) {
    var cards = root.querySelectorAll ? root.querySelectorAll("[data-testid='game-card']") : [];
    for (var i = 0; i < cards.length; i++) {
      noteCard(cards[i]);
    }
  }

  // --- 3. Freshness -------------------------------------------------------------------------------------------
  function ago(seconds) {
    if (seconds < 60) {
      return Math.max(0, Math.round(seconds)) + " s ago";
    }
    return Math.round(seconds / 60) + " min ago";
  }

  function tick() {
    var notes = document.querySelectorAll("[data-live-updated]");
    for (var i = 0; i < notes.length; i++) {
      var at = Date.parse(notes[i].getAttribute("datetime"));
      if (!isNaN(at)) {
        notes[i].textContent = ago((Date.now() - at) / 1000);
      }
    }
  }

  function fresh() {
    var notes = document.querySelectorAll("[data-live-updated]");
    for (var i = 0; i < notes.length; i++) {
      notes[i].setAttribute("datetime", new Date().toISOString());
    }
    tick();
  }

  // Whatever brought it (a pushed card, a polled or resynced list), new markup in a live element is data as of now.
  // A MutationObserver sees every swap, however htmx made it.
  function watch(stream) {
    new MutationObserver(function (mutations) {
      var swapped = false; // text changes (the ticking note itself) are not new data
      for (var i = 0; i < mutations.length; i++) {
        for (var j = 0; j < mutations[i].addedNodes.length; j++) {
          var node = mutations[i].addedNodes[j];
          if (node.nodeType === 1) {
            swapped = true;
            if (node.matches("[data-testid='game-card']")) {
              noteCard(node);
            } else {
              noteCards(node);
            }
          }
        }
      }
      if (swapped) {
        fresh();
      }
    }).observe(stream, { childList: true, subtree: true });
  }

  // A live page's data is never minutes old (cached pages live 60 s at most), so a time far off means the visitor's
  // clock is: count from the page's load instead.
  function trustClock() {
    var notes = document.querySelectorAll("[data-live-updated]");
    for (var i = 0; i < notes.length; i++) {
      var age = Date.now() - Date.parse(notes[i].getAttribute("datetime"));
      if (isNaN(age) || age < -5000 || age > 600000) {
        notes[i].setAttribute("datetime", new Date().toISOString());
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    trustClock();
    noteCards(document);
    var streams = document.querySelectorAll("[data-live-stream]");
    for (var i = 0; i < streams.length; i++) {
      watch(streams[i]);
    }
    tick();
    window.setInterval(tick, 5000);
  });
})();
