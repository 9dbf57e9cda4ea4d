// "Exit this page": without JavaScript the button is a plain link to a neutral site. With it, the
// link also replaces this page in the history (so Back does not return here) and pressing Shift
// three times within 5 seconds leaves the page, as the GOV.UK Design System documents.
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var TIMEOUT_MS = 5000;
  var link = document.querySelector(".exit-this-page__button");
  if (!link) return;
  var destination = link.href;

  // Announces the shortcut's progress: visible under the button and read by screen readers. It is in
  // the page from the start (empty, so it takes no room): live regions added late are not always read.
  var status = document.createElement("p");
  status.className = "exit-this-page__status";
  status.setAttribute("role", "status");
  link.parentNode.appendChild(status);

  var presses = 0;
  var timer = null;
  var otherKeyHeld = false;

  function say(text) {
    status.textContent = text;
  }

  function leave() {
    say("Loading.");
    document.documentElement.classList.add("exit-this-page--leaving");
    window.location.replace(destination);
  }

  function reset(message) {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
    say(message);
  }

  link.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  // Shift pressed with another key (a capital letter) is typing, not the shortcut.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) otherKeyHeld = false;
    } else {
      otherKeyHeld = true;
      if (presses > 0) reset("");
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || otherKeyHeld) return;
    presses += 1;
    if (timer) window.clearTimeout(timer);
    if (presses >= PRESSES_NEEDED) {
      leave();
      return;
    }
    var left = PRESSES_NEEDED - presses;
    say("Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.");
    timer = window.setTimeout(function () {
      reset("Exit this page expired.");
      timer = window.setTimeout(function () { say(""); }, TIMEOUT_MS);
    }, TIMEOUT_MS);
  });

  // A page restored from the back-forward cache must not stay hidden.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("exit-this-page--leaving");
    reset("");
  });
})();
