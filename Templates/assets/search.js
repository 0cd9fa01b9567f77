// Placeholder until the search index exists: tells the visitor that search is unavailable.
(function () {
  var box = document.getElementById("suche");
  if (!box) return;
  var note = box.querySelector(".search-unavailable");
  if (note) note.hidden = false;
})();
