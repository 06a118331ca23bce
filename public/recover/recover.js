// Loopwalk recovery page: exports the raw stored data without the app.
// Deliberately tiny and independent of the app's code and of whether the
// stored data parses: it reads localStorage strings and downloads them as
// they are.
'use strict';

(function () {
  var STORE_KEY = 'loopwalk.v2';
  var LEGACY_KEYS = ['loopwalk.v1'];
  var status = document.getElementById('status');
  var list = document.getElementById('keys');
  var saveHistory = document.getElementById('save-history');
  var saveAll = document.getElementById('save-all');

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  var storage;
  try {
    storage = window.localStorage;
    storage.length; // throws where storage is blocked
  } catch (e) {
    status.textContent = 'This browser does not let this page read its storage (private browsing or blocked site data), so there is nothing to save here.';
    return;
  }

  var stored = {};
  var keys = [];
  for (var i = 0; i < storage.length; i++) {
    var key = storage.key(i);
    if (key && key.indexOf('loopwalk.') === 0) keys.push(key);
  }
  keys.sort();
  keys.forEach(function (key) {
    var value = storage.getItem(key);
    stored[key] = value;
    var li = document.createElement('li');
    li.textContent = key + ': ' + (value ? value.length : 0).toLocaleString() + ' characters';
    list.appendChild(li);
  });

  if (keys.length === 0) {
    status.textContent = 'No Loopwalk data is stored in this browser.';
    return;
  }
  status.textContent = 'Found ' + keys.length + (keys.length === 1 ? ' stored item.' : ' stored items.');

  var history = [STORE_KEY].concat(LEGACY_KEYS).filter(function (k) { return stored[k] != null; })[0];
  if (history) {
    saveHistory.hidden = false;
    saveHistory.addEventListener('click', function () {
      download('loopwalk-stored-history-' + today() + '.json', 'application/json', stored[history]);
    });
  }
  saveAll.hidden = false;
  saveAll.addEventListener('click', function () {
    var doc = { app: 'loopwalk', kind: 'raw-storage', exported_at: new Date().toISOString(), items: stored };
    download('loopwalk-everything-stored-' + today() + '.json', 'application/json', JSON.stringify(doc));
  });
})();
