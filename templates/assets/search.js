// Site search for the search page: runs the Pagefind index in the browser and lists the results.
// Pagefind's own UI is not used because it injects inline styles, which the site's
// Content-Security-Policy forbids. Without JavaScript the page keeps its message and A to Z link.
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var noScript = document.getElementById("search-no-script");
  if (!form || !input || !status || !results) return;

  var pagefind = null;
  var current = { query: "", matches: [], shown: 0, list: null, more: null };
  var searchCount = 0;

  if (noScript) noScript.hidden = true;
  form.hidden = false;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import("/pagefind/pagefind.js").then(function (module) {
        return Promise.resolve(module.options ? module.options({ excerptLength: 30 }) : null).then(function () {
          return module;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function setStatus(text) {
    status.textContent = text;
  }

  // Pagefind's excerpt is HTML with <mark> around the words found. Only its text and the marks
  // are kept, so nothing in an indexed page can add markup here.
  function appendExcerpt(target, html) {
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "item-list__item";
    var title = document.createElement("p");
    title.className = "item-list__title";
    var link = document.createElement("a");
    link.className = "item-list__link";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    title.appendChild(link);
    item.appendChild(title);
    if (data.excerpt) {
      var excerpt = document.createElement("p");
      excerpt.className = "item-list__text";
      appendExcerpt(excerpt, data.excerpt);
      item.appendChild(excerpt);
    }
    return item;
  }

  // Shows the next page of results; when asked by the "Show more" button, focus moves to the
  // first new result so keyboard and screen reader users carry on from where they were.
  function showMore(moveFocus) {
    var batch = current.matches.slice(current.shown, current.shown + PAGE_SIZE);
    var run = searchCount;
    return Promise.all(batch.map(function (match) { return match.data(); })).then(function (pages) {
      if (run !== searchCount) return;
      var first = null;
      pages.forEach(function (data) {
        var item = resultItem(data);
        current.list.appendChild(item);
        if (!first) first = item.querySelector("a");
      });
      current.shown += batch.length;
      var total = current.matches.length;
      if (current.shown < total) {
        setStatus("Showing " + current.shown + " of " + plural(total, "result", "results") + " for \u2018" + current.query + "\u2019.");
      } else {
        setStatus(plural(total, "result", "results") + " for \u2018" + current.query + "\u2019.");
        if (current.more) current.more.hidden = true;
      }
      if (moveFocus && first) first.focus();
    });
  }

  function showNoResults(query) {
    setStatus("No results for \u2018" + query + "\u2019.");
    var advice = document.createElement("p");
    advice.appendChild(document.createTextNode("Check the spelling or use fewer words. You can also find every page in the "));
    var link = document.createElement("a");
    link.href = "/a-to-z/";
    link.textContent = "A to Z of this website";
    advice.appendChild(link);
    advice.appendChild(document.createTextNode("."));
    results.appendChild(advice);
  }

  function search(query) {
    searchCount += 1;
    var run = searchCount;
    results.textContent = "";
    current = { query: query, matches: [], shown: 0, list: null, more: null };
    if (!query) {
      setStatus("Enter a word or phrase to search for.");
      return;
    }
    setStatus("Searching for \u2018" + query + "\u2019\u2026");
    loadPagefind()
      .then(function (module) { return module.search(query); })
      .then(function (response) {
        if (run !== searchCount) return;
        current.matches = (response && response.results) || [];
        if (current.matches.length === 0) {
          showNoResults(query);
          return;
        }
        current.list = document.createElement("ol");
        current.list.className = "item-list search-page__list";
        results.appendChild(current.list);
        if (current.matches.length > PAGE_SIZE) {
          current.more = document.createElement("button");
          current.more.type = "button";
          current.more.className = "button button--secondary";
          current.more.textContent = "Show more results";
          current.more.addEventListener("click", function () { showMore(true); });
          results.appendChild(current.more);
        }
        return showMore(false);
      })
      .catch(function () {
        if (run !== searchCount) return;
        setStatus("Search is not working at the moment.");
        var advice = document.createElement("p");
        advice.appendChild(document.createTextNode("You can find every page in the "));
        var link = document.createElement("a");
        link.href = "/a-to-z/";
        link.textContent = "A to Z of this website";
        advice.appendChild(link);
        advice.appendChild(document.createTextNode("."));
        results.appendChild(advice);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.pathname + url.search);
    search(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial.trim());
  }
})();
