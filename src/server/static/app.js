// Unspun web app: the little the pages need beyond htmx (layer toggles on the article page).
(() => {
  var text = document.getElementById('article-text');
  document.querySelectorAll('fieldset.layers input[data-layer]').forEach((box) => {
    box.addEventListener('change', () => {
      if (text) text.classList.toggle('hide-' + box.dataset.layer, !box.checked);
    });
  });
})();
