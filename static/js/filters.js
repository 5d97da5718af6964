/* evtracker: the filter form, enhanced.

   - The company select becomes a combobox (WAI-ARIA combobox pattern, list autocomplete):
     type two letters or more, companies come from /companies.json, arrow keys and Enter
     choose, the chosen companies show as chips with a remove button. The select stays in
     the form, hidden, holding the choice: the form submits as it does without JavaScript,
     and a page htmx brings back (Back, Forward) rebuilds the chips from it, that is from
     the address the server rendered.
   - Companies the reader follows are kept in this browser (localStorage) as shortcuts.
   - On a phone, "Filters (n)" is a button that folds the form away (a link to #filters
     without JavaScript). */
(function () {
  "use strict";
  var FOLLOW_KEY = "evtracker.followed";
  var MIN_LETTERS = 2;

  function make(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    if (text) {
      element.textContent = text;
    }
    return element;
  }

  // ---------- companies followed, kept in this browser ----------

  function followed() {
    try {
      var list = JSON.parse(window.localStorage.getItem(FOLLOW_KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (c) { return c && c.slug && c.name; }) : [];
    } catch (error) {
      return [];
    }
  }

  function saveFollowed(list) {
    try {
      window.localStorage.setItem(FOLLOW_KEY, JSON.stringify(list));
    } catch (error) {
      // Not kept (a private window): the shortcuts last until the page changes.
    }
  }

  function isFollowed(slug) {
    return followed().some(function (c) { return c.slug === slug; });
  }

  function toggleFollowed(slug, name) {
    var list = followed();
    var kept = list.filter(function (c) { return c.slug !== slug; });
    if (kept.length === list.length) {
      kept.push({ slug: slug, name: name });
      kept.sort(function (a, b) { return a.name.localeCompare(b.name); });
    }
    saveFollowed(kept);
    return kept.length > list.length;
  }

  // ---------- the combobox ----------

  function Picker(field) {
    this.field = field;
    this.select = field.querySelector("select");
    this.url = field.dataset.searchUrl;
    this.found = [];
    this.active = -1;
    this.request = null;
    this.timer = null;
    this.build();
    this.render();
  }

  Picker.prototype.build = function () {
    var self = this;
    var field = this.field;
    var select = this.select;
    var id = select.id + "-picker";
    var label = field.querySelector("label");
    var help = field.querySelector(".help");

    this.input = make("input", {
      type: "text",
      id: id,
      class: "combo-input",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": id + "-list",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "Type a company’s name",
    });
    if (help) {
      this.input.setAttribute("aria-describedby", help.id);
      help.textContent =
        "Type two letters or more, choose with ↓ ↑ and Enter. Each chosen company shows below with a button to remove it; ☆ keeps it as a shortcut in this browser.";
    }
    this.list = make("ul", { id: id + "-list", role: "listbox", class: "suggestions", "aria-label": "Companies found" });
    this.list.hidden = true;
    this.chips = make("ul", { class: "chips", "aria-label": "Chosen companies" });
    this.shortcuts = make("div", { class: "followed", role: "group", "aria-labelledby": id + "-followed" });
    this.status = make("p", { class: "visually-hidden", role: "status" });
    var combo = make("div", { class: "combo" });
    combo.append(this.input, this.list);

    label.htmlFor = id;
    select.hidden = true;
    select.tabIndex = -1;
    label.after(combo);
    (help || combo).after(this.chips);
    this.chips.after(this.shortcuts);
    this.shortcuts.after(this.status);
    this.shortcutsId = id + "-followed";

    this.input.addEventListener("input", function () {
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.search(); }, 150);
    });
    this.input.addEventListener("keydown", function (event) { self.onKey(event); });
    // The text typed is no filter: its change must not submit the form.
    this.input.addEventListener("change", function (event) { event.stopPropagation(); });
    this.input.addEventListener("blur", function () { self.close(); });
    this.list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        self.choose(self.found[Number(option.dataset.index)]);
      }
    });
    this.chips.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      if (button.classList.contains("chip-remove")) {
        self.remove(button.dataset.slug);
      } else if (button.classList.contains("chip-follow")) {
        var now = toggleFollowed(button.dataset.slug, button.dataset.name);
        self.announce(button.dataset.name + (now ? " kept as a shortcut." : " no longer kept as a shortcut."));
        self.render();
        self.focusChip(button.dataset.slug, "chip-follow");
      }
    });
    this.shortcuts.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      if (button.dataset.all) {
        self.chooseOnly(followed());
      } else if (self.option(button.dataset.slug) && self.option(button.dataset.slug).selected) {
        self.remove(button.dataset.slug, true);
      } else {
        self.choose({ slug: button.dataset.slug, name: button.dataset.name }, true);
      }
    });
  };

  Picker.prototype.option = function (slug) {
    return Array.prototype.find.call(this.select.options, function (o) { return o.value === slug; });
  };

  Picker.prototype.chosen = function () {
    return Array.prototype.map.call(this.select.selectedOptions, function (o) {
      return { slug: o.value, name: o.textContent };
    });
  };

  Picker.prototype.render = function () {
    var chips = this.chips;
    chips.textContent = "";
    this.chosen().forEach(function (company) {
      var chip = make("li", { class: "chip" });
      var follows = isFollowed(company.slug);
      chip.append(
        make("span", { class: "chip-name" }, company.name),
        make("button", {
          type: "button",
          class: "chip-follow",
          "aria-pressed": follows ? "true" : "false",
          "aria-label": "Keep " + company.name + " as a shortcut",
          "data-slug": company.slug,
          "data-name": company.name,
        }, follows ? "★" : "☆"),
        make("button", {
          type: "button",
          class: "chip-remove",
          "aria-label": "Remove " + company.name,
          "data-slug": company.slug,
        }, "×")
      );
      chips.append(chip);
    });
    chips.hidden = !chips.children.length;
    this.renderShortcuts();
  };

  Picker.prototype.renderShortcuts = function () {
    var self = this;
    var box = this.shortcuts;
    var list = followed();
    box.textContent = "";
    box.hidden = !list.length;
    if (!list.length) {
      return;
    }
    box.append(make("span", { id: this.shortcutsId, class: "followed-label" }, "Companies you follow:"));
    list.forEach(function (company) {
      var option = self.option(company.slug);
      box.append(make("button", {
        type: "button",
        class: "shortcut",
        "aria-pressed": option && option.selected ? "true" : "false",
        "data-slug": company.slug,
        "data-name": company.name,
      }, company.name));
    });
    if (list.length > 1) {
      box.append(make("button", { type: "button", class: "shortcut-all link-button", "data-all": "1" }, "Only these"));
    }
  };

  Picker.prototype.search = function () {
    var self = this;
    var text = this.input.value.trim();
    if (text.length < MIN_LETTERS) {
      this.close();
      return;
    }
    if (this.request) {
      this.request.abort();
    }
    this.request = new AbortController();
    window
      .fetch(this.url + (this.url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text), {
        signal: this.request.signal,
        headers: { Accept: "application/json" },
      })
      .then(function (response) { return response.ok ? response.json() : { companies: [] }; })
      .then(function (data) {
        var chosen = self.chosen().map(function (c) { return c.slug; });
        self.show(data.companies.filter(function (c) { return chosen.indexOf(c.slug) < 0; }), text);
      })
      .catch(function () {
        // Aborted by a newer search, or offline: the list stays as it was.
      });
  };

  Picker.prototype.show = function (companies, text) {
    var list = this.list;
    var id = list.id;
    this.found = companies;
    list.textContent = "";
    companies.forEach(function (company, index) {
      var option = make("li", { role: "option", id: id + "-" + index, class: "suggestion", "data-index": String(index) });
      option.append(make("span", {}, company.name), make("span", { class: "suggestion-kind" }, " " + company.kind.replace("_", " ")));
      list.append(option);
    });
    if (!companies.length) {
      this.close();
      this.announce("No company matches “" + text + "”.");
      return;
    }
    list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    // The first suggestion is chosen by Enter (list autocomplete with automatic selection).
    this.activate(0);
    this.announce(companies.length + (companies.length === 1 ? " company" : " companies") + " found; ↓ ↑ to move, Enter to choose.");
  };

  Picker.prototype.activate = function (index) {
    var options = this.list.children;
    if (!options.length) {
      return;
    }
    this.active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", "false");
      option.classList.remove("active");
      if (i === this.active) {
        option.setAttribute("aria-selected", "true");
        option.classList.add("active");
        option.scrollIntoView({ block: "nearest" });
        this.input.setAttribute("aria-activedescendant", option.id);
      }
    }, this);
  };

  Picker.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Picker.prototype.onKey = function (event) {
    var open = !this.list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        this.search();
      } else {
        this.activate(this.active + (event.key === "ArrowDown" ? 1 : -1));
      }
    } else if (event.key === "Enter" && open && this.active >= 0) {
      event.preventDefault();
      this.choose(this.found[this.active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        this.close();
      } else if (this.input.value) {
        event.preventDefault();
        this.input.value = "";
      }
    }
  };

  Picker.prototype.choose = function (company, fromShortcut) {
    var option = this.option(company.slug);
    if (!option) {
      option = new Option(company.name, company.slug);
      this.select.add(option);
    }
    this.input.value = "";
    this.close();
    if (option.selected) {
      return;
    }
    option.selected = true;
    this.changed(company.name + " added; " + this.countText() + ".");
    if (!fromShortcut) {
      this.input.focus();
    }
  };

  Picker.prototype.chooseOnly = function (companies) {
    var self = this;
    Array.prototype.forEach.call(this.select.options, function (o) { o.selected = false; });
    companies.forEach(function (company) {
      var option = self.option(company.slug) || self.select.appendChild(new Option(company.name, company.slug));
      option.selected = true;
    });
    this.changed("Showing the companies you follow; " + this.countText() + ".");
  };

  Picker.prototype.remove = function (slug, fromShortcut) {
    var option = this.option(slug);
    if (!option) {
      return;
    }
    var chips = Array.prototype.map.call(this.chips.querySelectorAll(".chip-remove"), function (b) { return b.dataset.slug; });
    var next = chips[chips.indexOf(slug) + 1] || chips[chips.indexOf(slug) - 1];
    option.selected = false;
    this.changed(option.textContent + " removed; " + this.countText() + ".");
    if (fromShortcut) {
      return;
    }
    // The focus stays in the chips while any is left, then goes back to the text box.
    if (next) {
      this.focusChip(next, "chip-remove");
    } else {
      this.input.focus();
    }
  };

  Picker.prototype.focusChip = function (slug, kind) {
    var button = this.chips.querySelector("." + kind + '[data-slug="' + CSS.escape(slug) + '"]');
    if (button) {
      button.focus();
    }
  };

  Picker.prototype.countText = function () {
    var n = this.select.selectedOptions.length;
    return n === 0 ? "no company chosen" : n + (n === 1 ? " company" : " companies") + " chosen";
  };

  Picker.prototype.changed = function (message) {
    this.render();
    this.announce(message);
    // The form's hx-trigger listens for "change": the results follow, the address too.
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  Picker.prototype.announce = function (message) {
    this.status.textContent = message;
  };

  // ---------- "Filters (n)" on a phone ----------

  function enhanceToggle(link) {
    var panel = document.getElementById(link.getAttribute("href").slice(1));
    if (!panel) {
      return;
    }
    var button = make("button", { type: "button", class: "filters-toggle", "aria-controls": panel.id });
    button.innerHTML = link.innerHTML;
    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.classList.toggle("open", open);
    }
    show(window.location.hash === "#" + panel.id);
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    link.replaceWith(button);
  }

  function updateCount(results) {
    var count = results.dataset.activeFilters;
    document.querySelectorAll(".filters-toggle .filter-count").forEach(function (span) {
      span.textContent = "(" + count + ")";
    });
  }

  // Back and Forward pressed quickly: each asks the server for its page (no snapshots are
  // kept), and an earlier, slower answer must not land after a later one and show results
  // the address bar no longer asks for. The newest restore wins; the one before is dropped.
  var restoring = null;
  document.addEventListener("htmx:historyCacheMiss", function (event) {
    if (restoring && restoring.readyState !== XMLHttpRequest.DONE) {
      restoring.abort();
    }
    restoring = event.detail.xhr;
  });

  htmx.onLoad(function (element) {
    if (!(element instanceof Element)) {
      return;
    }
    element.querySelectorAll("[data-company-picker]").forEach(function (field) {
      if (!field.dataset.enhanced && field.querySelector("select")) {
        field.dataset.enhanced = "true";
        new Picker(field);
      }
    });
    element.querySelectorAll("a[data-filters-toggle]").forEach(enhanceToggle);
    // Without the view's own input: density.js keeps the view in the browser.
    element.querySelectorAll('form.filters input[name="view"]').forEach(function (input) {
      input.remove();
    });
    var results = element.matches("[data-active-filters]") ? element : element.querySelector("[data-active-filters]");
    if (results) {
      updateCount(results);
    }
  });
})();
