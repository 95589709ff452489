// The briefing's downloads (PowerPoint, PDF, offline file): the basket's form is POSTed with fetch
// and the answer saved as a file, so the page stays where it is whatever the server says. A busy
// server (503 with Retry-After: its render queue is full) is asked again after the seconds it
// names, up to three times, its own words shown meanwhile; any other refusal is shown as it came.
// Without fetch the form is submitted as a plain POST and the browser downloads the file itself.
(function () {
  'use strict';
  var FORM = 'briefing-form';
  var STATUS = 'briefing-status';
  var RETRIES = 3;

  function say(text) {
    var status = document.getElementById(STATUS);
    if (status) status.textContent = text || '';
  }

  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function wait(seconds) {
    return new Promise(function (resolve) { setTimeout(resolve, seconds * 1000); });
  }

  async function download(form, button) {
    var action = button.getAttribute('formaction') || form.getAttribute('action');
    var body = new URLSearchParams(new FormData(form));
    var fallback = action.split('/').pop();
    button.disabled = true;
    say(form.dataset.making);
    try {
      for (var attempt = 0; ; attempt++) {
        var response = await fetch(action, { method: 'POST', body: body, credentials: 'same-origin' });
        if (response.ok) {
          save(await response.blob(), fileName(response, fallback));
          say('');
          return;
        }
        var text = await response.text();
        var seconds = parseInt(response.headers.get('Retry-After') || '', 10);
        say(text);
        if (response.status !== 503 || !(seconds > 0) || attempt >= RETRIES) return;
        await wait(Math.min(seconds, 60));
        say(form.dataset.making);
      }
    } catch (error) {
      say(form.dataset.offline);
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form || form.id !== FORM || !button || !window.fetch) return;
    event.preventDefault();
    download(form, button);
  });
})();
