/* evtracker: the timeline's compact view, remembered in this browser, and the boards'
   "more" links. Without JavaScript the same works through ?view=compact and plain links.

   - The compact view is a class on <html> ("view-compact", set early by view-early.js);
     the quotes are <details>: folded in the compact view, open (summary hidden) otherwise.
   - After a column's "more" cards arrive, the keyboard focus goes to the first of them
     (the link that had it is gone). */
(function () {
  "use strict";
  var KEY = "evtracker.view";
  var root = document.documentElement;
  var pendingFocus = null;

  function isCompact() {
    return root.classList.contains("view-compact");
  }

  function syncQuotes(scope) {
    var open = !isCompact();
    scope.querySelectorAll(".timeline details.quote").forEach(function (quote) {
      quote.open = open;
    });
  }

  function markSwitch(scope) {
    var current = isCompact() ? "compact" : "detailed";
    scope.querySelectorAll("[data-view-switch] [data-view]").forEach(function (link) {
      if (link.dataset.view === current) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function setView(view) {
    root.classList.toggle("view-compact", view === "compact");
    try {
      window.localStorage.setItem(KEY, view);
    } catch (error) {
      // Not remembered: this page still switches.
    }
    syncQuotes(document);
    markSwitch(document);
    // The choice lives in the browser now; the address keeps the filters only.
    var url = new URL(window.location.href);
    if (url.searchParams.has("view")) {
      url.searchParams.delete("view");
      window.history.replaceState(window.history.state, "", url);
    }
    document.querySelectorAll('form.filters input[name="view"]').forEach(function (input) {
      input.remove();
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-view-switch] [data-view]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    setView(link.dataset.view);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var more = event.target.closest && event.target.closest(".card-more");
    if (more) {
      var list = more.parentElement;
      pendingFocus = { list: list, index: Array.prototype.indexOf.call(list.children, more) };
    }
  });

  htmx.onLoad(function (element) {
    if (!(element instanceof Element)) {
      return;
    }
    syncQuotes(element);
    markSwitch(element);
    if (pendingFocus && element.classList.contains("card")) {
      var first = pendingFocus.list.children[pendingFocus.index];
      pendingFocus = null;
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    }
  });
})();
