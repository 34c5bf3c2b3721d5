// Photo inputs of the case forms (<input type="file" data-photos data-max="3">): at most data-max files, previews, and
// pictures over 900 KB scaled down in the browser (longest side 1600 px, JPEG) before upload, since phones take
// 3–8 MB pictures. The form's buttons wait while pictures are being scaled. The server checks everything again.
(function () {
  var limit = 5 * 1024 * 1024;
  var scaleAbove = 900 * 1024;

  function scaled(file) {
    return new Promise(function (resolve) {
      if (file.size <= scaleAbove || !/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) {
        resolve(file);
        return;
      }
      createImageBitmap(file).then(function (bitmap) {
        var ratio = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * ratio);
        canvas.height = Math.round(bitmap.height * ratio);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size
            ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
        }, 'image/jpeg', 0.8);
      }, function () { resolve(file); });
    });
  }

  function buttons(input, disabled) {
    if (!input.form) { return; }
    Array.prototype.forEach.call(input.form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = disabled; });
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-photos]'), function (input) {
    var max = parseInt(input.dataset.max || '3', 10);
    var previews = document.getElementById(input.id + '-previews');
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.setCustomValidity('');
      if (previews) { previews.textContent = ''; }
      if (files.length > max) {
        input.setCustomValidity(input.dataset.tooMany || '');
        input.reportValidity();
        input.value = '';
        return;
      }
      buttons(input, true);
      Promise.all(files.map(scaled)).then(function (ready) {
        if (ready.some(function (f) { return f.size > limit; })) {
          input.setCustomValidity(input.dataset.tooLarge || '');
          input.reportValidity();
        } else if (window.DataTransfer && ready.some(function (f, i) { return f !== files[i]; })) {
          try {
            var transfer = new DataTransfer();
            ready.forEach(function (f) { transfer.items.add(f); });
            input.files = transfer.files;
          } catch (e) { /* keep the originals; the server refuses what is too large */ }
        }
        if (previews) {
          ready.forEach(function (f) {
            var img = document.createElement('img');
            img.src = URL.createObjectURL(f);
            img.alt = '';
            img.className = 'rounded border';
            img.style.cssText = 'width:72px;height:72px;object-fit:cover';
            previews.appendChild(img);
          });
        }
        buttons(input, false);
      });
    });
  });
})();
