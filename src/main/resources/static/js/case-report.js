// The report form: the major class narrows the list of minor classes (choosing a minor class first picks its major),
// and the submit button is disabled once pressed so an impatient second tap sends nothing.
(function () {
  var form = document.getElementById('report-form');
  if (!form) { return; }
  var major = document.getElementById('major');
  var minor = document.getElementById('categoryCode');
  var submit = document.getElementById('report-submit');

  function narrow() {
    var chosen = major.value;
    Array.prototype.forEach.call(minor.querySelectorAll('optgroup'), function (group) {
      var show = !chosen || group.dataset.major === chosen;
      group.hidden = !show;
      group.disabled = !show;
    });
    var selected = minor.options[minor.selectedIndex];
    if (selected && selected.parentElement.disabled) { minor.value = ''; }
  }
  major.addEventListener('change', narrow);
  minor.addEventListener('change', function () {
    var selected = minor.options[minor.selectedIndex];
    if (selected && selected.parentElement.dataset.major && !major.value) {
      major.value = selected.parentElement.dataset.major;
      narrow();
    }
  });
  narrow();

  form.addEventListener('submit', function () {
    window.setTimeout(function () { submit.disabled = true; }, 0);
  });
})();
