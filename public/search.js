// Site search on the static Pagefind index: runs in the browser, needs no server.
(async () => {
  const box = document.querySelector('[data-search-results]');
  const input = document.getElementById('q');
  const messages = JSON.parse(document.getElementById('search-messages')?.textContent || '{}');
  const query = (new URLSearchParams(location.search).get('q') || '').trim().slice(0, 200);
  if (!box || !input || !query) return;
  input.value = query;
  const say = (text) => {
    const p = document.createElement('p');
    p.textContent = text;
    box.replaceChildren(p);
  };
  // Pagefind marks hits with <mark>; build nodes instead of trusting its HTML. DOMParser's
  // documents are inert (no scripts, no image loads), so decoding entities there is safe.
  const decode = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent || '';
  const excerpt = (html) => {
    const p = document.createElement('p');
    for (const part of html.split(/(<mark>.*?<\/mark>)/)) {
      const hit = /^<mark>(.*)<\/mark>$/.exec(part);
      if (!hit) {
        p.append(decode(part));
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = decode(hit[1]);
      p.append(mark);
    }
    return p;
  };
  try {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(query);
    const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (!found.length) return say(messages.none);
    const count = search.results.length;
    const form = messages.results[new Intl.PluralRules(messages.locale).select(count)] || messages.results.other;
    const heading = document.createElement('h2');
    heading.textContent = form.replace('{count}', new Intl.NumberFormat(messages.locale).format(count));
    const list = document.createElement('ol');
    list.className = 'results';
    for (const item of found) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title;
      li.append(a, excerpt(item.excerpt));
      list.append(li);
    }
    box.replaceChildren(heading, list);
  } catch {
    say(messages.unavailable);
  }
})();
