// The demo app's own code: who is signed in, the feature buttons, the cancel button.
(function () {
  var params = new URLSearchParams(location.search);
  var user = params.get('user') || 'demo-user-1';
  var account = params.get('account') || 'acme';
  holdfast.identify(user, { name: user.replace(/-/g, ' '), role: 'admin' });
  holdfast.group(account, { name: account.charAt(0).toUpperCase() + account.slice(1), plan: 'pro', mrr: 49 });
  document.getElementById('who').textContent = user + ' @ ' + account;

  document.querySelectorAll('[data-feature]').forEach(function (b) {
    b.addEventListener('click', function () { holdfast.feature(b.getAttribute('data-feature')); });
  });
  var nps = document.getElementById('nps');
  if (nps) nps.addEventListener('click', function () { holdfast.survey('nps-demo'); });
  var csat = document.getElementById('csat');
  if (csat) csat.addEventListener('click', function () { holdfast.survey('csat-demo'); });

  var cancel = document.getElementById('cancel');
  if (cancel) cancel.addEventListener('click', function () {
    holdfast.cancelFlow({
      onSaved: function (offer) {
        document.getElementById('billing-status').textContent = 'Saved with offer: ' + offer.id + '. Your subscription is active.';
      },
      onCancel: function (answers) {
        document.getElementById('billing-status').textContent = 'Cancelled (reason: ' + (answers.reason || 'none') + ').';
      }
    });
  });
})();
