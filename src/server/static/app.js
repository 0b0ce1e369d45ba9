// Unspun web app: the little the pages need beyond htmx (layer toggles on the article page).
(function () {
  'use strict';
  var text = document.getElementById('article-text');
  document.querySelectorAll('fieldset.layers input[data-layer]').forEach(function (box) {
    box.addEventListener('change', function () {
      if (text) text.classList.toggle('hide-' + box.dataset.layer, !box.checked);
    });
  });
})();
