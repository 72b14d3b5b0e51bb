// Vanthu: a little JavaScript on server-rendered pages. Everything works
// without it; with it, uploads stay on the page and the queue updates live.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  var form = document.getElementById("upload");
  if (!form) return;
  var input = document.getElementById("files");
  var results = document.getElementById("upload-results");

  function say(text, cls) {
    var li = document.createElement("li");
    li.textContent = text;
    if (cls) li.className = cls;
    results.appendChild(li);
    return li;
  }

  function upload(file) {
    var li = say(file.name + ": đang tải lên…");
    var fd = new FormData();
    fd.append("file", file, file.name);
    return fetch("/api/v1/documents", { method: "POST", body: fd })
      .then(function (r) { return r.json().then(function (v) { return { status: r.status, v: v }; }); })
      .then(function (res) {
        if (res.v.error) {
          li.textContent = file.name + ": bị từ chối — " + (res.v.error.message_vi || res.v.error.message);
          li.className = "refused";
        } else if (res.v.duplicate) {
          li.textContent = file.name + ": đã có trong hệ thống (trùng tệp), số đến " + (res.v.arrival_number || "");
        } else {
          li.textContent = file.name + ": đã tiếp nhận, đang xử lý";
          li.className = "accepted";
        }
        refresh();
        refreshEvents();
      })
      .catch(function () {
        li.textContent = file.name + ": không gửi được (mất kết nối tới máy chủ?). Hãy thử lại.";
        li.className = "refused";
      });
  }

  function uploadAll(files) {
    var chain = Promise.resolve();
    Array.prototype.forEach.call(files, function (f) { chain = chain.then(function () { return upload(f); }); });
    return chain;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!input.files.length) { say("Hãy chọn ít nhất một tệp."); return; }
    uploadAll(input.files).then(function () { input.value = ""; });
  });
  ["dragenter", "dragover"].forEach(function (t) {
    form.addEventListener(t, function (e) { e.preventDefault(); form.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    form.addEventListener(t, function (e) { e.preventDefault(); form.classList.remove("over"); });
  });
  form.addEventListener("drop", function (e) { uploadAll(e.dataTransfer.files); });

  var tbody = document.querySelector("#queue tbody");
  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    if (text instanceof Node) td.appendChild(text); else td.textContent = text;
    tr.appendChild(td);
  }
  function fmt(t) {
    var d = new Date(t);
    return d.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }) + " " +
      d.toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
  }
  function refresh() {
    fetch("/api/v1/documents?limit=30").then(function (r) { return r.json(); }).then(function (v) {
      if (!v.documents) return;
      var rows = document.createDocumentFragment();
      v.documents.forEach(function (d) {
        var tr = document.createElement("tr");
        tr.dataset.id = d.id;
        tr.className = "st-" + d.status;
        var a = document.createElement("a");
        a.href = "/documents/" + d.id;
        a.textContent = d.file_name;
        cell(tr, String(d.arrival_number));
        cell(tr, a);
        cell(tr, fmt(d.received_at));
        cell(tr, d.status_vi, "state");
        cell(tr, d.pages_done + "/" + d.pages);
        cell(tr, d.number || "");
        var notes = [];
        if (d.error) notes.push(d.error);
        if (d.duplicate_of && d.duplicate_of.length) notes.push("Có thể trùng văn bản đã đến.");
        if (d.review && d.review.length) notes.push("Cần kiểm tra: " + d.review.join(", "));
        cell(tr, notes.join(" "));
        (d.warnings || []).forEach(function (w) {
          var flag = document.createElement("strong");
          flag.className = "flag";
          flag.textContent = w;
          tr.lastChild.append(" ", flag);
        });
        if (d.header_crop) {
          // The header of the page it was read from, where the number
          // and the day are written by hand: the clerk reads them there.
          var link = document.createElement("a");
          link.className = "queue-crop";
          link.href = "/documents/" + d.id + "#sua";
          link.title = "Nhập số, ngày từ phần đầu văn bản";
          var frame = document.createElement("span");
          frame.style.aspectRatio = d.header_aspect;
          var img = document.createElement("img");
          img.src = d.header_crop;
          img.alt = "Phần đầu văn bản: số, ký hiệu và ngày tháng viết tay";
          frame.appendChild(img);
          link.appendChild(frame);
          tr.lastChild.appendChild(link);
        }
        rows.appendChild(tr);
      });
      if (v.documents.length) { tbody.replaceChildren(rows); }
    }).catch(function () {});
  }
  var events = document.getElementById("events");
  function refreshEvents() {
    fetch("/api/v1/intake/events").then(function (r) { return r.json(); }).then(function (v) {
      var list = (v.events || []).filter(function (e) { return e.outcome !== "accepted"; });
      if (!list.length) return;
      var items = document.createDocumentFragment();
      list.forEach(function (e) {
        var li = document.createElement("li");
        var b = document.createElement("strong");
        b.textContent = e.file_name;
        li.append(fmt(e.at) + " — ", b, ": " + (e.outcome === "duplicate" ? "đã có trong hệ thống (trùng tệp)" : (e.message_vi || e.message)));
        items.appendChild(li);
      });
      events.replaceChildren(items);
    }).catch(function () {});
  }
  setInterval(function () { refresh(); refreshEvents(); }, 2000);
})();
