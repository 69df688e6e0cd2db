// The web app's one script (the pages work without it): a visit form sent without signal is kept on this phone
// and sent when the connection comes back; the form's idempotency key makes every resend record one visit.
(function () {
  "use strict";
  var STORE = "visitd.pendingVisits";

  function pending() {
    try {
      return JSON.parse(localStorage.getItem(STORE) || "[]");
    } catch (error) {
      return [];
    }
  }

  function keep(list) {
    localStorage.setItem(STORE, JSON.stringify(list));
    show(list.length ? "有 " + list.length + " 条访谈记录保存在手机上，联网后自动提交。" : "");
  }

  function show(text) {
    var status = document.getElementById("offline-status");
    if (!status) return;
    status.textContent = text;
    status.hidden = !text;
  }

  function post(body) {
    return fetch("/app/visit", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body
    });
  }

  // Sends what is kept, oldest first; stops at the first that finds no connection.
  var flushing = false;
  function flush() {
    var list = pending();
    if (flushing || !list.length) return;
    flushing = true;
    post(list[0].body).then(function (response) {
      var rest = pending().slice(1);
      if (!(response.redirected && response.ok)) {
        rest.push(list[0]);
        show("户号 " + list[0].household + " 的离线记录未能提交，请打开后重新填写。");
        keep(rest);
        flushing = false;
        return;
      }
      keep(rest);
      flushing = false;
      flush();
    }, function () {
      flushing = false;
    });
  }

  function intercept(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form)).toString();
      var household = form.elements.household ? form.elements.household.value : "";
      post(body).then(function (response) {
        if (response.redirected && response.ok) {
          window.location.href = response.url;
        } else {
          form.submit(); // the server's own answer: the form with its problems named
        }
      }, function () {
        var list = pending();
        list.push({ household: household, body: body });
        keep(list);
        var button = form.querySelector("button[type=submit]");
        if (button) {
          button.disabled = true;
          button.textContent = "已保存在手机上";
        }
        document.getElementById("offline-status").scrollIntoView();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.visit");
    if (form) intercept(form);
    keep(pending());
    flush();
  });
  window.addEventListener("online", flush);
})();
