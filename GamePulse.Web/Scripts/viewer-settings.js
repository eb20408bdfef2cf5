// GamePulse viewer settings (docs/site.md, "Viewer settings"; decision 0453). With the time zone set to "automatic"
// (cookie gp_view "auto.…"), reports this browser's IANA zone once in the gp_tz cookie and reloads, so the server
// renders the times in it; the server maps the name to one of its zones (or Eastern). Pages work without this file.
(function () {
    "use strict";

    function read(name) {
        var cookies = document.cookie ? document.cookie.split("; ") : [];
        for (var i = 0; i < cookies.length; i++) {
            if (cookies[i].indexOf(name + "=") === 0) {
                return decodeURIComponent(cookies[i].slice(name.length + 1));
            }
        }
        return null;
    }

    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone) {
        return;
    }

    var shown = document.querySelector("[data-settings-detected]");
    if (shown) {
        shown.textContent = "(This browser reports " + zone + ".)";
    }

    var choice = read("gp_view");
    if (!choice || choice.indexOf("auto.") !== 0 || read("gp_tz") === zone) {
        return;
    }

    document.cookie = "gp_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    // Reload only when the cookie stuck, so a browser that refuses cookies never loops.
    if (read("gp_tz") === zone) {
        location.reload();
    }
})();
