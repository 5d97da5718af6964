/* evtracker: runs in <head>, before the body is drawn. It applies the reader's view of the
   timeline (kept in this browser by density.js) so the page does not jump from one layout
   to the other, and marks the page as scripted (the filters fold behind a real button). */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var asked = new URLSearchParams(window.location.search).get("view");
    if (asked === "compact") {
      window.localStorage.setItem("evtracker.view", "compact");
    }
    if (asked === "compact" || window.localStorage.getItem("evtracker.view") === "compact") {
      root.classList.add("view-compact");
    }
  } catch (error) {
    // Storage refused (a private window): the address decides, as without JavaScript.
  }
})();
