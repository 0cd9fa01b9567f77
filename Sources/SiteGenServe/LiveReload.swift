import SiteGen

/// The browsers listening on `/_sitegen/events`. Each gets a bounded buffer of messages;
/// `close()` ends every stream (graceful shutdown), after which no new listener is accepted.
public final class LiveReloadHub: Sendable {
    private struct State {
        var clients: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Locked(State())

    public init() {}

    /// A new listener, or nil once the hub is closed.
    func subscribe() -> (id: Int, messages: AsyncStream<String>)? {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id: Int? = state.withLock { s in
            guard !s.closed else { return nil }
            s.nextID += 1
            s.clients[s.nextID] = continuation
            return s.nextID
        }
        guard let id else {
            continuation.finish()
            return nil
        }
        return (id, stream)
    }

    /// Ends one listener's stream (its response then finishes).
    func finish(_ id: Int) {
        let c = state.withLock { $0.clients.removeValue(forKey: id) }
        c?.finish()
    }

    /// Sends `message` to every listener; returns how many there were.
    @discardableResult
    func broadcast(_ message: String) -> Int {
        let clients = state.withLock { Array($0.clients.values) }
        for c in clients { c.yield(message) }
        return clients.count
    }

    /// The id of the listener that subscribed last (0: none yet); later ones have higher ids.
    var lastID: Int { state.withLock { $0.nextID } }

    /// Sends `message` to the listeners with ids up to `id` (those that subscribed by then).
    @discardableResult
    func broadcast(_ message: String, upTo id: Int) -> Int {
        let clients = state.withLock { $0.clients.filter { $0.key <= id }.map(\.value) }
        for c in clients { c.yield(message) }
        return clients.count
    }

    /// Ends every stream and refuses new listeners: what makes Ctrl-C quick with browsers connected.
    public func close() {
        let clients = state.withLock { s -> [AsyncStream<String>.Continuation] in
            s.closed = true
            defer { s.clients.removeAll() }
            return Array(s.clients.values)
        }
        for c in clients { c.finish() }
    }

    public var isClosed: Bool { state.withLock { $0.closed } }
    public var listenerCount: Int { state.withLock { $0.clients.count } }
}

/// The messages of the event stream.
enum LiveEvent {
    /// `event: name` + one `data:` line (the JSON has no raw newlines).
    static func message(_ name: String, _ json: JSON) -> String {
        "event: \(name)\ndata: \(json.serialized())\n\n"
    }

    static func reload(build: String, changed: [String]) -> String {
        message("reload", .obj([("build", .string(build)), ("changed", .array(changed.prefix(50).map { .string($0) }))]))
    }

    static func css(build: String, files: [String]) -> String {
        message("css", .obj([("build", .string(build)), ("files", .array(files.map { .string($0) }))]))
    }

    static func hello(build: String) -> String {
        message("hello", .obj([("build", .string(build))]))
    }

    /// The failed build's messages with the overlay's own words, all in `texts.language`.
    static func diagnostics(_ diagnostics: [Diagnostic], texts: OverlayTexts) -> String {
        let items: [JSON] = diagnostics.map { d in
            .obj([("severity", .string(d.severity.rawValue)), ("file", .string(d.file)),
                  ("line", d.line.map { .number($0) }), ("column", d.column.map { .number($0) }),
                  ("label", .string(DiagnosticFormatter.severityWord(d.severity, in: texts.language))),
                  ("message", .string(d.message))])
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return message("diagnostics", .obj([
            ("errors", .number(errors)), ("lang", .string(texts.language.rawValue)), ("title", .string(texts.title)),
            ("hint", .string(texts.hint)), ("close", .string(texts.close)), ("diagnostics", .array(items)),
        ]))
    }

    /// A comment line: keeps proxies from timing out and finds clients that went away.
    static let ping = ": ping\n\n"
}

/// The overlay's own words, in the language of the messages it lists: the script has none of
/// its own, so an English preview (`--messages en`) does not show German around English messages.
struct OverlayTexts {
    var language: MessageLanguage
    var title: String
    var hint: String
    var close: String
}

/// The script the preview injects before `</body>`. It listens for events, reloads the page,
/// swaps stylesheets after a CSS-only change and shows build errors in an accessible overlay.
enum LiveScript {
    static let tag = "/_sitegen/live.js"

    /// The script's ETag. Browsers ask again for it each time (`no-cache`) and keep theirs on a
    /// 304: made from the text, not from its length, so a newer sitegen's script of the same
    /// length is not taken for the old one.
    static let etag = etag(of: source)

    static func etag(of text: String) -> String {
        "\"live-" + String(Array(text.utf8).withUnsafeBytes(contentHash), radix: 16) + "\""
    }

    static func scriptTag(build: String) -> String {
        "<script src=\"\(tag)\" data-build=\"\(build)\"></script>\n"
    }

    static let source = #"""
    // sitegen serve: live reload (only in the preview, never in the built site).
    (function () {
      "use strict";
      if (window.__sitegenLive) { return; }
      // State for tools and tests: connected turns true once the server said hello.
      var live = window.__sitegenLive = { connected: false };
      var me = document.currentScript;
      var build = (me && me.getAttribute("data-build")) || "";
      var source = null;
      var retry = 300;
      var previousFocus = null;

      function connect() {
        source = new EventSource("/_sitegen/events?build=" + encodeURIComponent(build));
        source.addEventListener("open", function () { retry = 300; });
        source.addEventListener("hello", function () {
          // A failed build still failing is said again right after this; one that was fixed is not.
          live.connected = true;
          hideOverlay();
        });
        source.addEventListener("reload", function () {
          source.close();
          window.location.reload();
        });
        source.addEventListener("css", function (e) {
          var data = JSON.parse(e.data);
          build = data.build;
          hideOverlay();
          swapStylesheets();
        });
        source.addEventListener("diagnostics", function (e) {
          showOverlay(JSON.parse(e.data));
        });
        source.onerror = function () {
          // The server restarted or went away: try again, and reload if the site changed meanwhile.
          disconnect();
          window.setTimeout(function () { if (!source && !document.hidden) { connect(); } }, retry);
          retry = Math.min(retry * 2, 5000);
        };
      }

      function disconnect() {
        live.connected = false;
        if (source) { source.close(); source = null; }
      }

      // Browsers allow six connections to one server: a tab in the background gives its stream
      // up, so many open tabs do not keep new ones from loading. Back in front, it connects again
      // and reloads at once if the site changed meanwhile.
      document.addEventListener("visibilitychange", function () {
        if (document.hidden) { disconnect(); } else if (!source) { connect(); }
      });

      function swapStylesheets() {
        var links = document.querySelectorAll('link[rel~="stylesheet"]');
        Array.prototype.forEach.call(links, function (link) {
          var url = new URL(link.href, window.location.href);
          if (url.origin !== window.location.origin) { return; }
          url.searchParams.set("sitegen", String(Date.now()));
          var next = link.cloneNode(false);
          next.href = url.href;
          next.addEventListener("load", function () { link.remove(); });
          next.addEventListener("error", function () { next.remove(); });
          link.parentNode.insertBefore(next, link.nextSibling);
        });
      }

      function hideOverlay() {
        var box = document.getElementById("sitegen-overlay");
        if (!box) { return; }
        box.remove();
        if (previousFocus && document.contains(previousFocus)) { previousFocus.focus(); }
        previousFocus = null;
      }

      function showOverlay(data) {
        var hadOverlay = !!document.getElementById("sitegen-overlay");
        if (!hadOverlay) { previousFocus = document.activeElement; }
        var old = document.getElementById("sitegen-overlay");
        if (old) { old.remove(); }
        var box = document.createElement("section");
        box.id = "sitegen-overlay";
        box.lang = data.lang || "";
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-modal", "false");
        box.setAttribute("aria-labelledby", "sitegen-overlay-title");
        box.setAttribute("aria-describedby", "sitegen-overlay-hint");
        var s = box.style;
        s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
        s.maxHeight = "60vh"; s.overflow = "auto"; s.boxSizing = "border-box";
        s.background = "#ffffff"; s.color = "#1a1a1a"; s.borderTop = "6px solid #b00020";
        s.padding = "1rem 1.25rem"; s.font = "16px/1.5 system-ui, sans-serif";
        s.boxShadow = "0 -4px 16px rgba(0,0,0,.35)";

        var title = document.createElement("h2");
        title.id = "sitegen-overlay-title";
        title.style.margin = "0 0 .5rem"; title.style.fontSize = "1.25rem"; title.style.color = "#b00020";
        title.textContent = data.title || "";
        var hint = document.createElement("p");
        hint.id = "sitegen-overlay-hint";
        hint.style.margin = "0 0 .5rem";
        hint.textContent = data.hint || "";
        var list = document.createElement("ul");
        list.style.margin = "0 0 .75rem"; list.style.paddingLeft = "1.25rem";
        (data.diagnostics || []).forEach(function (d) {
          var item = document.createElement("li");
          item.className = "sitegen-diagnostic";
          var where = document.createElement("code");
          where.textContent = d.file + (d.line ? ":" + d.line + (d.column ? ":" + d.column : "") : "");
          where.style.fontWeight = "bold";
          item.appendChild(where);
          item.appendChild(document.createTextNode(" " + (d.label || d.severity) + ": " + d.message));
          list.appendChild(item);
        });
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = data.close || "\u00d7";
        close.style.font = "inherit"; close.style.padding = ".25rem .75rem";
        close.addEventListener("click", hideOverlay);
        box.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideOverlay(); } });
        box.appendChild(title);
        box.appendChild(hint);
        box.appendChild(list);
        box.appendChild(close);
        document.body.appendChild(box);
        if (!hadOverlay) { close.focus(); }
      }

      if (!document.hidden) { connect(); }
    })();
    """#
}
