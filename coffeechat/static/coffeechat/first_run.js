// First run: preset the time zone from the browser, which knows it better than any default.
// The server still checks the choice; without JavaScript the list simply starts empty.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  document.querySelectorAll("select[data-guess-zone]").forEach(function (select) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (zone && known && !select.value) select.value = zone;
  });
})();
