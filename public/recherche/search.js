/* global document, location, PagefindUI -- runs in the browser, after /pagefind/pagefind-ui.js */
// Starts Pagefind's UI on the search page (after /pagefind/pagefind-ui.js). A file rather than an
// inline script so that the Content-Security-Policy (public/_headers) can forbid inline scripts.
(() => {
  const element = document.getElementById('recherche');
  const ui = new PagefindUI({ element: '#recherche', baseUrl: element.dataset.base, showImages: false, showSubResults: true });
  // Pagefind's box has only a title and a placeholder: give it a real accessible name.
  document.querySelector('#recherche input')?.setAttribute('aria-label', 'Mots à rechercher');
  document.getElementById('sans-js').hidden = true;
  // The header form (plain HTML) sends ?q=…: search it right away.
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
