// The judge's one script. Every page works without it; with it:
//  - the problem list filters as you type,
//  - a problem page gets copy buttons, an editor with line numbers where Tab indents, and
//    remembers the language last chosen,
//  - a result page follows the judging live over Server-Sent Events.
// Text from the server is only ever put in the page with textContent, never as HTML.
"use strict";

(function () {
  const VERDICT_WORDS = {
    AC: "Accepted",
    WA: "Wrong Answer",
    TLE: "Time Limit Exceeded",
    MLE: "Memory Limit Exceeded",
    OLE: "Output Limit Exceeded",
    RTE: "Run-Time Error",
    CE: "Compile Error",
    JE: "Judge Error",
  };
  const STATE_WORDS = {
    queued: "Waiting in the queue…",
    compiling: "Compiling…",
    running: "Running the tests…",
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children || []) {
      if (c === null || c === undefined) continue;
      node.append(c);
    }
    return node;
  }

  function millis(ms) {
    if (typeof ms !== "number" || !isFinite(ms) || ms < 0) return "–";
    if (ms < 10) return ms.toFixed(1) + " ms";
    if (ms < 1000) return Math.round(ms) + " ms";
    return (ms / 1000).toFixed(2) + " s";
  }

  function bytes(b) {
    if (typeof b !== "number" || !isFinite(b) || b < 0) return "–";
    const MiB = 1024 * 1024;
    if (b >= MiB) {
      const m = b / MiB;
      return (m >= 100 || Number.isInteger(m) ? m.toFixed(0) : m.toFixed(1)) + " MiB";
    }
    if (b >= 1024) return Math.round(b / 1024) + " KiB";
    return b + " B";
  }

  function verdictBadge(code) {
    const known = Object.prototype.hasOwnProperty.call(VERDICT_WORDS, code);
    return el("span", {
      class: "verdict v-" + (known ? code : "unknown"),
      title: code,
      text: known ? VERDICT_WORDS[code] : "Unknown verdict",
    });
  }

  function pendingBadge() {
    return el("span", { class: "verdict v-pending", text: "Judging…" });
  }

  // ---- Problem list: filter rows as you type. ----
  function initFilter(input) {
    const table = document.getElementById(input.dataset.filter);
    const none = document.getElementById("no-match");
    if (!table) return;
    const rows = Array.from(table.tBodies[0].rows);
    const apply = () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const row of rows) {
        const hay = row.dataset.search || "";
        const ok = words.every((w) => hay.includes(w));
        row.hidden = !ok;
        if (ok) shown++;
      }
      if (none) none.hidden = shown > 0;
    };
    input.addEventListener("input", apply);
    apply();
  }

  // ---- Problem page ----
  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = el("textarea", { class: "visually-hidden", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    try {
      document.execCommand("copy");
    } finally {
      area.remove();
    }
  }

  function initCopyButtons() {
    for (const button of document.querySelectorAll("button[data-copy]")) {
      const target = document.getElementById(button.dataset.copy);
      if (!target) continue;
      button.hidden = false;
      button.addEventListener("click", async () => {
        try {
          await copyText(target.textContent);
          button.textContent = "Copied ✓";
          button.classList.add("done");
        } catch (e) {
          button.textContent = "Copy failed";
        }
        setTimeout(() => {
          button.textContent = "Copy";
          button.classList.remove("done");
        }, 1500);
      });
    }
  }

  const LANGUAGE_KEY = "judge.language";

  function initLanguage(form) {
    const select = form.querySelector("select[name=language]");
    if (!select) return;
    let saved = null;
    try {
      saved = localStorage.getItem(LANGUAGE_KEY);
    } catch (e) {
      /* storage may be off */
    }
    const known = Array.from(select.options).some((o) => o.value === saved);
    if (form.dataset.remember === "restore" && saved && known) select.value = saved;
    const save = () => {
      try {
        localStorage.setItem(LANGUAGE_KEY, select.value);
      } catch (e) {
        /* storage may be off */
      }
    };
    select.addEventListener("change", save);
    form.addEventListener("submit", save);
  }

  // Replaces the selection with `text`, keeping the browser's undo history when it can.
  function insertText(area, text) {
    area.focus();
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function initEditor(form) {
    const area = form.querySelector("textarea[name=source]");
    const gutter = form.querySelector(".gutter");
    const help = document.getElementById("source-help");
    if (!area) return;
    if (help) help.hidden = false;
    const INDENT = "    ";
    let tabLeaves = false;

    const numbers = () => {
      if (!gutter) return;
      const lines = area.value.split("\n").length;
      if (gutter.dataset.lines !== String(lines)) {
        let text = "";
        for (let i = 1; i <= lines; i++) text += i + "\n";
        gutter.textContent = text;
        gutter.dataset.lines = String(lines);
      }
      gutter.scrollTop = area.scrollTop;
    };
    if (gutter) {
      gutter.hidden = false;
      area.addEventListener("input", numbers);
      area.addEventListener("scroll", () => {
        gutter.scrollTop = area.scrollTop;
      });
      numbers();
    }

    area.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        // The next Tab moves focus on, as it would without the editor.
        tabLeaves = true;
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        const submit = form.querySelector("button[value=submit]");
        if (form.requestSubmit) form.requestSubmit(submit);
        else submit.click();
        return;
      }
      if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) {
        tabLeaves = false;
        return;
      }
      if (tabLeaves) {
        tabLeaves = false;
        return;
      }
      e.preventDefault();
      const value = area.value;
      const start = area.selectionStart;
      const end = area.selectionEnd;
      const lineStart = value.lastIndexOf("\n", start - 1) + 1;
      const multiLine = value.slice(start, end).includes("\n");
      if (!e.shiftKey && !multiLine) {
        insertText(area, INDENT);
        return;
      }
      // Indent or outdent every selected line.
      const lineEnd = end > start && value[end - 1] === "\n" ? end - 1 : end;
      const block = value.slice(lineStart, lineEnd);
      const lines = block.split("\n");
      const changed = lines
        .map((line) => {
          if (!e.shiftKey) return INDENT + line;
          const strip = line.match(/^( {1,4}|\t)/);
          return strip ? line.slice(strip[0].length) : line;
        })
        .join("\n");
      area.setSelectionRange(lineStart, lineEnd);
      insertText(area, changed);
      area.setSelectionRange(lineStart, lineStart + changed.length);
    });

    form.addEventListener("submit", (e) => {
      // One submission per click, however often it is pressed.
      if (form.dataset.sending === "1") {
        e.preventDefault();
        return;
      }
      form.dataset.sending = "1";
      form.setAttribute("aria-busy", "true");
    });
    // Coming back with the Back button shows the page from the cache: allow submitting again.
    window.addEventListener("pageshow", () => {
      form.dataset.sending = "";
      form.removeAttribute("aria-busy");
    });
  }

  // ---- Result page: live updates. ----
  function shortName(group, name) {
    const prefix = group + "/";
    return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
  }

  function groupWords(group) {
    if (group === "sample") return "Sample";
    if (group === "secret") return "Secret";
    return group;
  }

  // A test as the page shows it, from the API's view (time_ms) or an event's result (cpu_ms).
  function testRow(index, t) {
    const time = typeof t.time_ms === "number" ? t.time_ms : t.cpu_ms;
    // As the API's view: a secret test's wrong answer message may quote the answer.
    const message = t.group !== "sample" && t.verdict === "WA" ? "" : t.message || "";
    return el("tr", { "data-index": index }, [
      el("td", { class: "num", text: String(index + 1) }),
      el("td", { text: groupWords(t.group) }),
      el("td", {}, [el("code", { text: shortName(t.group, t.name || "") })]),
      el("td", {}, [verdictBadge(t.verdict)]),
      el("td", { class: "num", text: millis(time) }),
      el("td", { class: "num", text: bytes(t.memory_bytes) }),
      el("td", { class: "msg", text: message }),
    ]);
  }

  function lines(text) {
    const parts = text.replace(/\r\n/g, "\n").split("\n");
    if (parts.length && parts[parts.length - 1] === "") parts.pop();
    return parts;
  }

  function markedLines(own, other) {
    const pre = el("pre", { class: "io lines" });
    if (own.length === 0) {
      pre.append(el("span", { class: "line empty-output", text: "(nothing)" }));
      return pre;
    }
    own.forEach((line, i) => {
      const theirs = other[i];
      const differs = theirs === undefined || theirs.replace(/\s+$/, "") !== line.replace(/\s+$/, "");
      const span = el("span", { class: differs ? "line differs" : "line" }, [
        el("span", { class: "mark", "aria-hidden": "true", text: differs ? "≠" : " " }),
      ]);
      if (differs) span.append(el("span", { class: "visually-hidden", text: "Differs: " }));
      span.append(document.createTextNode(line));
      pre.append(span);
    });
    return pre;
  }

  function failedSample(f) {
    const expected = lines(f.expected || "");
    const actual = lines(f.actual || "");
    const heading = el("h2", { id: "failed-heading" });
    if (f.name === "custom") heading.textContent = "Your run";
    else heading.append("Failed on sample ", el("code", { text: shortName("sample", f.name) }));
    const hint = el("p", { class: "hint" }, [
      "Lines marked ",
      el("span", { class: "mark-sample", text: "≠" }),
      " differ between the expected output and yours.",
    ]);
    const col = (title, pre) => el("div", { class: "diff-col" }, [el("h3", { text: title }), pre]);
    return el("section", { class: "failed-sample", "aria-labelledby": "failed-heading" }, [
      heading,
      hint,
      el("div", { class: "diff" }, [
        col("Input", el("pre", { class: "io", text: f.input || "" })),
        col("Expected output", markedLines(expected, actual)),
        col("Your output", markedLines(actual, expected)),
      ]),
    ]);
  }

  function details(v) {
    const out = [];
    if (v.compile_message) {
      out.push(
        el("section", { class: "compile", "aria-labelledby": "compile-heading" }, [
          el("h2", { id: "compile-heading", text: "Compiler output" }),
          el("pre", { class: "io", text: v.compile_message }),
        ]),
      );
    }
    if (v.judge_error) {
      out.push(
        el("section", { class: "judge-error", "aria-labelledby": "je-heading" }, [
          el("h2", { id: "je-heading", text: "Judge error" }),
          el("p", {
            text: "Something failed on the judge's side; this is not your program's fault. Please submit again later.",
          }),
          el("pre", { class: "io", text: v.judge_error }),
        ]),
      );
    }
    if (v.failed_sample) out.push(failedSample(v.failed_sample));
    return out;
  }

  function initResult(root) {
    const id = root.dataset.id;
    if (!id || root.dataset.status === "done") return;
    const q = (sel) => document.getElementById(sel);
    const tbody = q("tests").tBodies[0];
    let total = Number(root.dataset.total) || 0;
    let finished = false;
    let source = null;
    let retry = 1000;

    const count = () => tbody.rows.length;
    const progress = () => {
      const n = count();
      const bar = q("progress");
      bar.max = Math.max(total, n, 1);
      bar.value = n;
      q("progress-text").textContent = total > 0 ? n + " / " + total + " tests" : n + " tests";
      q("tests-run").textContent = String(n);
    };
    const setState = (status) => {
      root.dataset.status = status;
      if (STATE_WORDS[status]) q("state").textContent = STATE_WORDS[status];
    };
    const addTest = (index, result) => {
      if (typeof index !== "number" || !result) return;
      if (tbody.querySelector('tr[data-index="' + index + '"]')) return;
      const row = testRow(index, result);
      row.classList.add("fresh");
      // Rows in index order, whatever order events come in.
      const after = Array.from(tbody.rows).find((r) => Number(r.dataset.index) > index);
      tbody.insertBefore(row, after || null);
      progress();
    };

    const render = (v) => {
      setState(v.status);
      if (typeof v.tests_total === "number") total = v.tests_total;
      tbody.replaceChildren(...(v.tests || []).map((t, i) => testRow(i, t)));
      progress();
      if (v.status !== "done") return;
      const n = (v.tests || []).length;
      const plural = n === 1 ? "" : "s";
      q("state").textContent =
        v.kind === "run" ? "Ran on the samples (" + n + " test" + plural + "); not counted." : "Judged: " + n + " test" + plural + " run.";
      q("verdict").replaceChildren(v.verdict ? verdictBadge(v.verdict) : pendingBadge());
      q("progress-wrap").hidden = true;
      q("time").textContent = millis(v.time_ms);
      q("memory").textContent = bytes(v.memory_bytes);
      q("details").replaceChildren(...details(v));
      q("tests-note").hidden = v.verdict === "AC";
      if (v.verdict) {
        const words = VERDICT_WORDS[v.verdict] || "Unknown verdict";
        document.title = document.title.replace(/^Judging/, words);
      }
    };

    // The final state (or, after a dropped connection, the current one) from the API; polls
    // until the submission is done.
    const fetchView = async () => {
      try {
        const response = await fetch("/api/v1/submissions/" + encodeURIComponent(id), {
          headers: { Accept: "application/json" },
          cache: "no-store",
        });
        if (!response.ok) throw new Error("HTTP " + response.status);
        const v = await response.json();
        render(v);
        if (v.status === "done") {
          finished = true;
          root.dataset.live = "done";
          return;
        }
      } catch (e) {
        /* the server may be restarting: try again */
      }
      setTimeout(fetchView, retry);
      retry = Math.min(retry * 2, 8000);
    };

    const finish = () => {
      if (source) source.close();
      source = null;
      if (finished) return;
      root.dataset.live = "polling";
      fetchView();
    };

    if (!window.EventSource) {
      fetchView();
      return;
    }
    source = new EventSource("/api/v1/submissions/" + encodeURIComponent(id) + "/events");
    root.dataset.live = "sse";
    const parse = (text) => {
      try {
        return JSON.parse(text);
      } catch (e) {
        return null;
      }
    };
    source.addEventListener("status", (ev) => {
      const d = parse(ev.data);
      if (!d) return;
      if (d.status) setState(d.status);
      if (typeof d.tests === "number") {
        total = d.tests;
        progress();
      }
    });
    source.addEventListener("test", (ev) => {
      const d = parse(ev.data);
      if (!d) return;
      if (typeof d.total === "number") total = d.total;
      setState("running");
      addTest(d.index, d.result);
    });
    source.addEventListener("done", finish);
    source.addEventListener("error", (ev) => {
      // An `error` event with data is the server's note; without, the connection dropped.
      if (ev.data) return;
      finish();
    });
  }

  function init() {
    for (const input of document.querySelectorAll("input[data-filter]")) initFilter(input);
    initCopyButtons();
    const form = document.getElementById("submit-form");
    if (form) {
      initLanguage(form);
      initEditor(form);
    }
    const result = document.getElementById("result");
    if (result) initResult(result);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
