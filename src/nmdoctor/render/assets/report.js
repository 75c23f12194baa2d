// nmdoctor report page. Reads the JSON document in #report-data (see render/html_report.py) and
// draws only what is on screen: a virtual list of package names, findings a page at a time.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const instances = data.instances;
  const dependents = data.dependents;
  const MAX_CHAINS = 100; // as model/chains.py: a popular package deep in a big tree has thousands
  const PAGE = 200; // findings drawn per group before "show more"
  const ROW = 28; // px, the height of a row of the package list

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }

  function humanSize(bytes) {
    if (bytes === null || bytes === undefined) return "not on disk";
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  const label = (index) => `${instances[index].name}@${instances[index].version}`;

  // ---- the packages, by name --------------------------------------------------------------
  const byName = new Map();
  instances.forEach((item, index) => {
    if (item.root) return;
    if (!byName.has(item.name)) byName.set(item.name, []);
    byName.get(item.name).push(index);
  });
  const copiesOf = new Map(); // "name@version" -> instance count (more than one: doppelgangers)
  instances.forEach((item, index) => {
    if (!item.root) copiesOf.set(label(index), (copiesOf.get(label(index)) || 0) + 1);
  });
  const flagged = new Map(); // name -> set of finding codes about it
  for (const document_ of [data.findings, data.migration]) {
    for (const finding of (document_ && document_.findings) || []) {
      if (!finding.package) continue;
      if (!flagged.has(finding.package.name)) flagged.set(finding.package.name, new Set());
      flagged.get(finding.package.name).add(finding.code);
    }
  }
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  function nameFacts(name) {
    const indexes = byName.get(name);
    const versions = new Set(indexes.map((index) => instances[index].version));
    const dopple = indexes.some((index) => copiesOf.get(label(index)) > 1);
    const codes = flagged.get(name) || new Set();
    return { indexes, versions, dopple, singleton: codes.has("duplicate-singleton"), codes };
  }

  // ---- chains, exactly as model/chains.py walks them ---------------------------------------
  function chainsTo(target) {
    const chains = [];
    let frontier = [[target]];
    while (frontier.length && chains.length < MAX_CHAINS) {
      const following = [];
      for (const chain of frontier) {
        const head = chain[0];
        const root = instances[head].root;
        if (root) {
          chains.push(chain);
          if (chains.length >= MAX_CHAINS) break;
          if (root === "project") continue;
        }
        const seen = new Set(chain);
        for (const source of dependents[head]) if (!seen.has(source)) following.push([source, ...chain]);
      }
      frontier = following.slice(0, MAX_CHAINS * 20);
    }
    const paths = (chain) => chain.map((index) => instances[index].path);
    chains.sort((a, b) => {
      if (a.length !== b.length) return a.length - b.length;
      const left = paths(a);
      const right = paths(b);
      for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1;
      return 0;
    });
    return chains;
  }

  // ---- tabs ---------------------------------------------------------------------------------
  const views = { findings: "findings-view", packages: "packages-view", migration: "migration-view" };
  const tabs = [];
  if (data.findings) tabs.push(["findings", "Findings"]);
  if (data.migration) tabs.push(["migration", `Under ${data.migration.summary.target || "the target"}`]);
  tabs.push(["packages", "Packages"]);
  const tabButtons = {};
  for (const [key, text] of tabs) {
    tabButtons[key] = el("button", { role: "tab", "data-testid": `tab-${key}`, text, onclick: () => showTab(key) });
    document.getElementById("tabs").append(tabButtons[key]);
  }
  function showTab(key) {
    for (const [name, id] of Object.entries(views)) document.getElementById(id).hidden = name !== key;
    for (const [name, button] of Object.entries(tabButtons)) button.setAttribute("aria-selected", String(name === key));
    if (key === "packages") drawList();
  }

  // ---- overview -----------------------------------------------------------------------------
  const packageCount = instances.filter((item) => !item.root).length;
  let overview = `${data.project} · ${data.layout} · ${plural(packageCount, "installed instance")} of ${plural(names.length, "package")}`;
  for (const document_ of [data.findings, data.migration]) {
    if (!document_) continue;
    const summary = document_.summary;
    overview += ` · ${plural(summary.error, "error")}, ${plural(summary.warning, "warning")}`;
  }
  document.getElementById("overview").textContent = overview;
  document.getElementById("footer").textContent = `Made by ${data.tool}. Everything on this page is in this file.`;

  // A package's place in the address: #pkg=NAME. A name that is not well-formed UTF-16 (a lone
  // surrogate from an undecodable file name) cannot be percent-encoded; it goes as "json:" and its
  // JSON text, which no encoded name can start with (encodeURIComponent always escapes ":").
  function pkgHash(name) {
    try {
      return `#pkg=${encodeURIComponent(name)}`;
    } catch {
      return `#pkg=json:${encodeURIComponent(JSON.stringify(name))}`;
    }
  }

  function nameFromHash(hash) {
    if (!hash.startsWith("#pkg=")) return null;
    const text = hash.slice("#pkg=".length);
    try {
      return text.startsWith("json:") ? JSON.parse(decodeURIComponent(text.slice("json:".length))) : decodeURIComponent(text);
    } catch {
      return null; // an address edited by hand: open the page as usual
    }
  }

  // ---- findings -----------------------------------------------------------------------------
  function packageLink(name, text) {
    if (!byName.has(name)) return el("span", { class: "mono", text });
    return el("a", { class: "pkg", text, href: pkgHash(name), onclick: (event) => { event.preventDefault(); openPackage(name); } });
  }

  function findingNode(finding) {
    const where = [];
    if (finding.package) {
      where.push(packageLink(finding.package.name, `${finding.package.name}${finding.package.version ? "@" + finding.package.version : ""}`));
      if (finding.package.path) where.push(document.createTextNode(finding.package.path === "." ? " (the project)" : ` at ${finding.package.path}`));
    }
    if (finding.from) {
      const line = finding.line ? `:${finding.line}${finding.column ? ":" + finding.column : ""}` : "";
      where.push(document.createTextNode(`${where.length ? " · " : ""}in ${finding.from}${line}`));
    }
    if (finding.request) where.push(document.createTextNode(` · request ${finding.request}`));
    return el("div", { class: "finding", "data-testid": "finding", "data-code": finding.code }, [
      el("p", { class: "message" }, [el("span", { class: `sev ${finding.severity}`, text: finding.severity }), document.createTextNode(" " + finding.message)]),
      where.length ? el("div", { class: "where" }, where) : null,
      finding.fix ? el("p", { class: "fix", "data-testid": "fix", text: `Fix: ${finding.fix}` }) : null,
    ]);
  }

  function drawFindings(list, container, limits) {
    container.replaceChildren();
    const groups = new Map();
    for (const finding of list) {
      if (!groups.has(finding.code)) groups.set(finding.code, []);
      groups.get(finding.code).push(finding);
    }
    for (const [code, items] of groups) {
      const shown = limits.get(code) || PAGE;
      const group = el("section", { class: "group", "data-testid": "finding-group", "data-code": code }, [
        el("h2", {}, [el("span", { class: `sev ${items[0].severity}`, text: items[0].severity }), el("code", { text: code }), el("span", { class: "count", text: `(${items.length})` })]),
        data.meanings[code] ? el("p", { class: "meaning", text: data.meanings[code] }) : null,
      ]);
      for (const finding of items.slice(0, shown)) group.append(findingNode(finding));
      if (items.length > shown) {
        group.append(el("button", { class: "more", text: `Show ${Math.min(PAGE, items.length - shown)} more of ${items.length - shown}`, onclick: () => { limits.set(code, shown + PAGE); drawFindings(list, container, limits); } }));
      }
      container.append(group);
    }
    if (!list.length) container.append(el("p", { class: "hint", text: "No finding matches these filters." }));
  }

  if (data.findings) {
    const all = data.findings.findings;
    const codeFilter = document.getElementById("code-filter");
    const counts = new Map();
    for (const finding of all) counts.set(finding.code, (counts.get(finding.code) || 0) + 1);
    codeFilter.append(el("option", { value: "", text: `every code (${all.length})` }));
    for (const code of [...counts.keys()].sort()) codeFilter.append(el("option", { value: code, text: `${code} (${counts.get(code)})` }));
    for (const severity of ["error", "warning", "info"]) {
      document.querySelector(`[data-count="${severity}"]`).textContent = `(${all.filter((item) => item.severity === severity).length})`;
    }
    const limits = new Map();
    const apply = () => {
      const severities = new Set([...document.querySelectorAll("[data-severity]")].filter((box) => box.checked).map((box) => box.dataset.severity));
      const code = codeFilter.value;
      const text = document.getElementById("finding-search").value.trim().toLowerCase();
      const list = all.filter((finding) => severities.has(finding.severity) && (!code || finding.code === code) && (!text || JSON.stringify(finding).toLowerCase().includes(text)));
      document.getElementById("findings-shown").textContent = all.length ? `${plural(list.length, "finding")} shown of ${all.length}` : "No problems found.";
      drawFindings(list, document.getElementById("findings-list"), limits);
    };
    for (const box of document.querySelectorAll("[data-severity]")) box.addEventListener("change", apply);
    codeFilter.addEventListener("change", apply);
    document.getElementById("finding-search").addEventListener("input", apply);
    apply();
  }

  if (data.migration) {
    const summary = data.migration.summary;
    const all = data.migration.findings;
    document.getElementById("migration-summary").textContent = all.length
      ? `${plural(all.length, "resolution")} ${all.length === 1 ? "breaks or changes" : "break or change"} under ${summary.target} (${summary.edges_compared} dependency edges and ${summary.imports_compared} imports compared).`
      : `Nothing breaks under ${summary.target} (${summary.edges_compared} dependency edges and ${summary.imports_compared} imports compared).`;
    drawFindings(all, document.getElementById("migration-list"), new Map());
  }

  // ---- the package list (virtual: only the rows on screen exist) -----------------------------
  const list = document.getElementById("package-list");
  const spacer = document.getElementById("package-spacer");
  let visible = names;
  let picked = null;
  const rows = new Map();

  function filterNames() {
    const query = document.getElementById("package-search").value.trim().toLowerCase();
    const onlyDuplicates = document.getElementById("only-duplicates").checked;
    visible = names.filter((name) => {
      if (query && !name.toLowerCase().includes(query)) return false;
      if (!onlyDuplicates) return true;
      const facts = nameFacts(name);
      return facts.indexes.length > 1;
    });
    if (query) {
      // Exact name first, then names that start with the query.
      const rank = (name) => (name.toLowerCase() === query ? 0 : name.toLowerCase().startsWith(query) ? 1 : 2);
      visible = visible.map((name, order) => [rank(name), order, name]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((item) => item[2]);
    }
    document.getElementById("packages-shown").textContent = `${plural(visible.length, "package")} of ${names.length}`;
    list.scrollTop = 0;
    for (const row of rows.values()) row.remove();
    rows.clear();
    drawList();
  }

  function rowNode(name, position) {
    const facts = nameFacts(name);
    const badges = [];
    if (facts.indexes.length > 1) {
      const versions = facts.versions.size > 1 ? `, ${facts.versions.size} versions` : "";
      badges.push(el("span", { class: "badge", text: `${facts.indexes.length} copies${versions}` }));
    }
    if (facts.dopple) badges.push(el("span", { class: "badge dopple", text: "doppelganger" }));
    if (facts.singleton) badges.push(el("span", { class: "badge singleton", text: "duplicate singleton" }));
    else if (facts.codes.size) badges.push(el("span", { class: "badge problem", text: "finding" }));
    const row = el("div", { class: `row${name === picked ? " picked" : ""}`, "data-testid": "package-row", "data-name": name, onclick: () => openPackage(name) }, [el("span", { class: "name mono", text: name }), ...badges]);
    row.style.top = `${position * ROW}px`;
    return row;
  }

  function drawList() {
    spacer.style.height = `${visible.length * ROW}px`;
    const height = list.clientHeight || 600;
    const first = Math.max(0, Math.floor(list.scrollTop / ROW) - 10);
    const last = Math.min(visible.length, Math.ceil((list.scrollTop + height) / ROW) + 10);
    for (const [position, row] of rows) {
      if (position < first || position >= last || row.dataset.name !== visible[position]) {
        row.remove();
        rows.delete(position);
      }
    }
    for (let position = first; position < last; position++) {
      if (!rows.has(position)) {
        const row = rowNode(visible[position], position);
        rows.set(position, row);
        list.append(row);
      }
    }
  }
  list.addEventListener("scroll", () => window.requestAnimationFrame(drawList));
  window.addEventListener("resize", drawList);
  document.getElementById("package-search").addEventListener("input", filterNames);
  document.getElementById("only-duplicates").addEventListener("change", filterNames);
  list.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && visible.length) openPackage(visible[0]);
  });
  document.getElementById("package-search").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && visible.length) openPackage(visible[0]);
  });

  // ---- one package: every instance, who resolves to it, the chains --------------------------
  function instanceNode(index, facts) {
    const item = instances[index];
    const copies = copiesOf.get(label(index));
    const users = [...new Set(dependents[index])].sort((a, b) => (instances[a].path < instances[b].path ? -1 : 1));
    const chains = chainsTo(index);
    const chainList = el("ol", { class: "chains", "data-testid": "chains" });
    const drawChains = (limit) => {
      chainList.replaceChildren(...chains.slice(0, limit).map((chain) => el("li", { text: chain.map(label).join(" > ") })));
      if (chains.length > limit) chainList.append(el("li", {}, [el("button", { text: `Show all ${chains.length}`, onclick: () => drawChains(chains.length) })]));
    };
    drawChains(10);
    const userNodes = users.length
      ? users.flatMap((user, position) => [position ? document.createTextNode(", ") : null, instances[user].root ? el("span", { class: "mono", text: instances[user].root === "project" ? `the project (${instances[user].name || "."})` : `workspace ${instances[user].path}` }) : packageLink(instances[user].name, `${label(user)}`)]).filter(Boolean)
      : [document.createTextNode("nothing (extraneous)")];
    const usesNodes = (item.uses || []).flatMap(([dependency, spec, target], position) => [
      position ? document.createTextNode(", ") : null,
      target < 0
        ? el("span", { class: "missing", text: `${dependency} (${spec}): not found` })
        : packageLink(instances[target].name, `${dependency} → ${instances[target].version}`),
    ]).filter(Boolean);
    return el("div", { class: `instance${copies > 1 ? " dopple" : ""}`, "data-testid": "instance", "data-path": item.path }, [
      el("h3", {}, [el("span", { text: item.version }), el("code", { text: item.path }), copies > 1 ? el("span", { class: "badge dopple", text: `doppelganger: ${copies} copies of ${label(index)}` }) : null]),
      el("dl", {}, [
        el("dt", { text: "size" }), el("dd", { "data-testid": "size", text: humanSize(item.size) }),
        item.links.length ? el("dt", { text: "linked at" }) : null,
        item.links.length ? el("dd", { class: "mono", text: item.links.join(", ") }) : null,
        el("dt", { text: "resolved by" }), el("dd", { "data-testid": "resolved-by" }, userNodes),
        usesNodes.length ? el("dt", { text: "depends on" }) : null,
        usesNodes.length ? el("dd", { "data-testid": "depends-on" }, usesNodes) : null,
        el("dt", { text: "chains" }), el("dd", {}, [chains.length ? chainList : document.createTextNode(users.length ? "no chain reaches the project" : "none")]),
      ]),
    ]);
  }

  function openPackage(name) {
    if (!byName.has(name)) return;
    picked = name;
    if (window.location.hash !== pkgHash(name)) history.replaceState(null, "", pkgHash(name));
    const facts = nameFacts(name);
    const detail = document.getElementById("package-detail");
    const notes = [];
    if (facts.versions.size > 1) notes.push(`${facts.versions.size} versions: ${[...facts.versions].join(", ")}`);
    if (facts.dopple) notes.push("the same version is installed in several folders (doppelgangers): each copy is loaded separately");
    if (facts.singleton) notes.push("declared a singleton: more than one copy breaks it at run time");
    const related = [];
    for (const document_ of [data.findings, data.migration]) {
      for (const finding of (document_ && document_.findings) || []) if (finding.package && finding.package.name === name) related.push(finding);
    }
    const parts = [
      el("h2", { "data-testid": "package-name", text: name }),
      el("p", { "data-testid": "instance-count", text: `${plural(facts.indexes.length, "installed instance")}${notes.length ? " · " + notes.join(" · ") : ""}` }),
      ...facts.indexes.map((index) => instanceNode(index, facts)),
      related.length ? el("h3", { text: `Findings about ${name}` }) : null,
      ...related.map(findingNode),
    ];
    detail.replaceChildren(...parts.filter(Boolean));
    if (!document.getElementById("packages-view").hidden) drawList();
    for (const row of rows.values()) row.classList.toggle("picked", row.dataset.name === name);
    showTab("packages");
  }

  // ---- start --------------------------------------------------------------------------------
  filterNames();
  const hash = nameFromHash(window.location.hash);
  if (hash !== null && byName.has(hash)) openPackage(hash);
  else if (data.focus && byName.has(data.focus)) openPackage(data.focus);
  else showTab(tabs[0][0]);
  if (data.focus && !byName.has(data.focus)) {
    document.getElementById("package-detail").replaceChildren(el("p", { "data-testid": "not-installed", text: `${data.focus} is not installed in this project.` }));
    showTab("packages");
  }
  document.body.dataset.ready = "true";
})();
