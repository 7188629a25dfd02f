// netpol-playground page glue: editor, drafts, problem marks, copy link, matrix keyboard and
// policy highlighting. Everything here enhances a page that also works without JavaScript.
(function () {
  "use strict";

  var DRAFT_PREFIX = "netpol-playground:draft:";
  var editor = null;
  var textarea = null;

  function form() { return document.getElementById("playground"); }

  function draftKey() { return DRAFT_PREFIX + location.pathname + location.search; }

  function currentDraft() {
    var f = form();
    return {
      text: textarea.value,
      probes: f.elements.probes ? f.elements.probes.value : "",
      external: f.elements.external ? f.elements.external.value : ""
    };
  }

  function saveDraft() {
    try { localStorage.setItem(draftKey(), JSON.stringify(currentDraft())); } catch (e) { /* storage full or disabled */ }
  }

  function readDraft() {
    try { return JSON.parse(localStorage.getItem(draftKey()) || "null"); } catch (e) { return null; }
  }

  function evaluate() {
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setText(text) {
    if (editor) { editor.setValue(text); editor.save(); } else { textarea.value = text; }
  }

  function restoreDraft(initial) {
    var draft = readDraft();
    if (!draft || (draft.text === initial.text && draft.probes === initial.probes && draft.external === initial.external)) {
      return;
    }
    var f = form();
    setText(draft.text);
    if (f.elements.probes) { f.elements.probes.value = draft.probes || ""; }
    if (f.elements.external) { f.elements.external.value = draft.external || ""; }
    var note = document.createElement("p");
    note.className = "notice";
    note.setAttribute("role", "status");
    note.textContent = "Restored your unsaved edits from this browser. ";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = "Discard them";
    discard.addEventListener("click", function () {
      setText(initial.text);
      if (f.elements.probes) { f.elements.probes.value = initial.probes; }
      if (f.elements.external) { f.elements.external.value = initial.external; }
      saveDraft();
      note.remove();
      evaluate();
    });
    note.appendChild(discard);
    textarea.parentNode.insertBefore(note, textarea.previousElementSibling);
    evaluate();
  }

  // The editor keeps Tab for indenting; after Escape, Tab and Shift-Tab move focus on as usual.
  function leaveEditor(cm, direction) {
    cm.state.leaving = false;
    var focusable = Array.prototype.slice.call(document.querySelectorAll(
      "a[href], button:not([disabled]), input:not([type=hidden]), select, summary, [tabindex='0']"))
      .filter(function (el) { return el.offsetParent !== null || el === document.activeElement; });
    var wrapper = cm.getWrapperElement();
    var next = null;
    focusable.forEach(function (el) {
      var position = wrapper.compareDocumentPosition(el);
      if (direction > 0 && !next && (position & Node.DOCUMENT_POSITION_FOLLOWING) && !wrapper.contains(el)) { next = el; }
      if (direction < 0 && (position & Node.DOCUMENT_POSITION_PRECEDING)) { next = el; }
    });
    if (next) { next.focus(); }
  }

  // The probes the page came with belong to its scenario (an example's, a link's). Pasting over the
  // whole text starts another scenario: unless the probes were edited, its own declared ports count.
  function forgetProbesOfReplacedScenario(cm, change, initial) {
    var probes = form().elements.probes;
    if (change.origin !== "paste" || !probes || !initial.probes || probes.value !== initial.probes
        || cm.getValue() !== change.text.join("\n")) {
      return;
    }
    probes.value = "";
    var note = document.getElementById("probes-note");
    if (!note) {
      note = document.createElement("p");
      note.id = "probes-note";
      note.className = "notice";
      note.setAttribute("role", "status");
      probes.closest(".options").after(note);
    }
    note.textContent = "Probes cleared (" + initial.probes + "): they belonged to the scenario you pasted over."
      + " The ports your scenario declares are probed instead.";
  }

  function setUpEditor() {
    textarea = document.getElementById("scenario");
    if (!textarea) { return; }
    var initial = currentDraft();
    if (window.CodeMirror) {
      editor = window.CodeMirror.fromTextArea(textarea, {
        mode: "yaml", lineNumbers: true, indentUnit: 2, tabSize: 2, lineWrapping: false,
        gutters: ["CodeMirror-linenumbers", "np-marks"], inputStyle: "contenteditable",
        extraKeys: {
          Tab: function (cm) {
            if (cm.state.leaving) { leaveEditor(cm, 1); return; }
            cm.replaceSelection("  ");
          },
          "Shift-Tab": function (cm) {
            if (cm.state.leaving) { leaveEditor(cm, -1); return; }
            cm.execCommand("indentLess");
          },
          Esc: function (cm) { cm.state.leaving = true; }
        },
        screenReaderLabel: "Scenario YAML (press Escape, then Tab, to leave the editor)"
      });
      editor.on("keydown", function (cm, event) {
        if (event.key !== "Escape" && event.key !== "Tab" && event.key !== "Shift") { cm.state.leaving = false; }
      });
      editor.on("blur", function (cm) { cm.state.leaving = false; });
      editor.on("change", function (cm, change) {
        editor.save();
        forgetProbesOfReplacedScenario(cm, change, initial);
        saveDraft();
        evaluate();
      });
    } else {
      textarea.addEventListener("input", saveDraft);
    }
    form().addEventListener("input", function (event) {
      if (event.target && (event.target.name === "probes" || event.target.name === "external")) { saveDraft(); }
    });
    restoreDraft(initial);
    document.querySelectorAll("[data-example]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var edited = textarea.value !== initial.text;
        if (edited && !window.confirm("Replace your scenario with this example? Your edits stay saved for this page's address.")) {
          event.preventDefault();
        }
      });
    });
  }

  var marks = [];

  function markProblems() {
    if (!editor) { return; }
    marks.forEach(function (mark) { editor.removeLineClass(mark, "background"); });
    marks = [];
    editor.clearGutter("np-marks");
    document.querySelectorAll("#result [data-severity][data-line]").forEach(function (item) {
      var line = parseInt(item.getAttribute("data-line"), 10) - 1;
      if (isNaN(line) || line < 0 || line >= editor.lineCount()) { return; }
      var severity = item.getAttribute("data-severity");
      marks.push(editor.addLineClass(line, "background", severity === "error" ? "line-error" : "line-warning"));
      var marker = document.createElement("span");
      marker.className = "gutter-mark " + severity;
      marker.textContent = severity === "error" ? "●" : "▲";
      var message = item.querySelector(".message");
      marker.title = message ? message.textContent : "";
      editor.setGutterMarker(line, "np-marks", marker);
    });
  }

  function jumpTo(line, column) {
    if (editor) {
      editor.focus();
      editor.setCursor({ line: line - 1, ch: Math.max(0, column - 1) });
      editor.scrollIntoView(null, 80);
      return;
    }
    var lines = textarea.value.split("\n");
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
    textarea.focus();
    textarea.setSelectionRange(offset + column - 1, offset + column - 1);
  }

  function setUpMatrixKeys() {
    document.querySelectorAll("table.matrix").forEach(setUpTableKeys);
  }

  // Roving focus: one cell of a table is in the tab order; arrow keys, Home and End move it.
  function setUpTableKeys(table) {
    var cells = Array.prototype.slice.call(table.querySelectorAll("tbody tr:not(.group)")).map(function (row) {
      return Array.prototype.slice.call(row.querySelectorAll("button.cell"));
    }).filter(function (row) { return row.length > 0; });
    if (cells.length === 0) { return; }
    var selected = table.querySelector("button.cell.selected");
    cells.forEach(function (row) { row.forEach(function (cell) { cell.tabIndex = -1; }); });
    (selected || cells[0][0]).tabIndex = 0;
    table.addEventListener("keydown", function (event) {
      var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -1000], End: [0, 1000] };
      var move = moves[event.key];
      if (!move || !event.target.classList.contains("cell")) { return; }
      var r = -1, c = -1;
      cells.forEach(function (row, i) { var j = row.indexOf(event.target); if (j >= 0) { r = i; c = j; } });
      if (r < 0) { return; }
      var nr = Math.min(cells.length - 1, Math.max(0, r + move[0]));
      var nc = Math.min(cells[nr].length - 1, Math.max(0, c + move[1]));
      var next = cells[nr][nc];
      if (next) {
        event.preventDefault();
        event.target.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
    });
  }

  function highlight(policyClass, on) {
    document.querySelectorAll("table.matrix ." + policyClass).forEach(function (cell) {
      cell.classList.toggle("hl", on);
    });
  }

  var SOLVED_KEY = "netpol-playground:solved";

  function solvedExercises() {
    try { return JSON.parse(localStorage.getItem(SOLVED_KEY) || "[]"); } catch (e) { return []; }
  }

  function recordProgress() {
    var solved = document.querySelector("[data-solved]");
    if (solved) {
      var ids = solvedExercises();
      if (ids.indexOf(solved.getAttribute("data-solved")) < 0) {
        ids.push(solved.getAttribute("data-solved"));
        try { localStorage.setItem(SOLVED_KEY, JSON.stringify(ids)); } catch (e) { /* storage disabled */ }
      }
    }
    var ids = solvedExercises();
    document.querySelectorAll(".card[data-exercise-id]").forEach(function (card) {
      var done = ids.indexOf(card.getAttribute("data-exercise-id")) >= 0;
      card.classList.toggle("solved", done);
      var badge = card.querySelector("[data-progress]");
      if (badge) { badge.hidden = !done; }
    });
  }

  // Hints open one at a time: the next one appears once the previous has been read.
  function setUpHints() {
    var hints = Array.prototype.slice.call(document.querySelectorAll("[data-hints] details"));
    function update() {
      var reveal = true;
      hints.forEach(function (hint) {
        hint.hidden = !reveal;
        reveal = reveal && hint.open;
      });
    }
    hints.forEach(function (hint) { hint.addEventListener("toggle", update); });
    update();
  }

  function setUpResult() {
    recordProgress();
    markProblems();
    setUpMatrixKeys();
    document.querySelectorAll("[data-copy-link]").forEach(function (button) { button.hidden = false; });
    document.querySelectorAll("[data-absolute-link]").forEach(function (link) {
      link.textContent = new URL(link.getAttribute("href"), location.href).href;
    });
  }

  document.addEventListener("click", function (event) {
    var jump = event.target.closest(".jump");
    if (jump) {
      jumpTo(parseInt(jump.getAttribute("data-line"), 10), parseInt(jump.getAttribute("data-column"), 10) || 1);
      return;
    }
    var copy = event.target.closest("[data-copy-link]");
    if (copy) {
      var link = document.querySelector("[data-link]");
      var url = new URL(link.getAttribute("href"), location.href).href;
      var done = function () { copy.textContent = "Copied"; setTimeout(function () { copy.textContent = "Copy link"; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt("Copy this link:", url); });
      } else {
        window.prompt("Copy this link:", url);
      }
      return;
    }
    var cell = event.target.closest("button.cell");
    if (cell) {
      document.querySelectorAll("button.cell.selected").forEach(function (c) { c.classList.remove("selected"); });
      cell.classList.add("selected");
    }
  });

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var policy = event.target.closest && event.target.closest("[data-policy-class]");
      if (policy) { highlight(policy.getAttribute("data-policy-class"), true); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var policy = event.target.closest && event.target.closest("[data-policy-class]");
      if (policy) { highlight(policy.getAttribute("data-policy-class"), false); }
    });
  });

  // A request that failed leaves the last result in place, with a note on top that says why.
  function requestFailed(event, message) {
    var target = event.detail.target;
    if (!target) { return; }
    var note = target.querySelector(":scope > .request-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "notice request-error";
      note.setAttribute("role", "alert");
      target.insertBefore(note, target.firstChild);
    }
    note.textContent = message;
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var retry = event.detail.xhr.getResponseHeader("Retry-After");
    if (status === 429) {
      requestFailed(event, "Too many requests from here in the last minute" + (retry ? ": try again in " + retry + " s." : "."));
      return;
    }
    requestFailed(event, status === 503
      ? "The playground is busy, so your latest change was not evaluated: what is shown here is from before it."
        + " Edit again or press Evaluate in a moment."
      : "The server could not answer (status " + status + "): what is shown here is from before your latest change."
        + " Your text is kept in this browser.");
  });
  document.addEventListener("htmx:sendError", function (event) {
    requestFailed(event, "The server could not be reached: what is shown here is from before your latest change."
      + " Your text is kept in this browser.");
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var id = event.detail.target && event.detail.target.id;
    if (id === "result" || id === "check") { setUpResult(); }
  });

  function setUpTimezone() {
    document.querySelectorAll("[data-timezone-offset]").forEach(function (field) {
      field.value = String(new Date().getTimezoneOffset());
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTimezone();
    setUpEditor();
    setUpHints();
    setUpResult();
  });
})();
