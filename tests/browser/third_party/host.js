// The blog's own script: a character counter under its comment box, and a key log the test reads
// to see that every key the reader typed in the form reached the page.
(function () {
  "use strict";
  window.hostKeys = [];
  document.addEventListener("keydown", function (e) { window.hostKeys.push(e.key); });
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("comment");
    var counter = document.getElementById("count");
    box.addEventListener("input", function () { counter.textContent = box.value.length + " characters"; });
    document.getElementById("comment-form").addEventListener("submit", function (e) { e.preventDefault(); });
  });
})();
