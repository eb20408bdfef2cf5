using GamePulse.Data.Viewing;
using GamePulse.Web.Viewing;

namespace GamePulse.Tests.Web.Viewing;

/// <summary>The settings cookie: what it holds, and that anything else in it is no choice (never an error).</summary>
[TestClass]
public sealed class ViewerChoiceTests
{
    [TestMethod]
    [DataRow("pt", true, "pt.hide")]
    [DataRow("et", false, "et.show")]
    [DataRow("auto", true, "auto.hide")]
    public void A_choice_round_trips_through_its_cookie(string zone, bool hide, string cookie)
    {
        var choice = new ViewerChoice(zone, hide);

        Assert.AreEqual(cookie, choice.CookieValue, "cookie value");
        Assert.AreEqual(choice, ViewerChoice.FromCookie(cookie), "read back");
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("pt")]
    [DataRow("pt.hide.extra")]
    [DataRow("zz.hide")]
    [DataRow("PT.hide")]
    [DataRow("pt.maybe")]
    [DataRow("pt.hideeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")]
    public void A_junk_cookie_is_no_choice(string? cookie)
    {
        Assert.IsNull(ViewerChoice.FromCookie(cookie), $"\"{cookie}\"");
    }

    [TestMethod]
    public void Automatic_shows_the_detected_zone_when_offered_and_eastern_otherwise()
    {
        var automatic = new ViewerChoice(ViewTimeZones.Automatic, false);

        Assert.AreEqual("pt", automatic.ResolveZone("America/Los_Angeles").Code, "detected Pacific");
        Assert.AreEqual("et", automatic.ResolveZone("Europe/Berlin").Code, "a zone not offered");
        Assert.AreEqual("et", automatic.ResolveZone(null).Code, "not detected yet");
        Assert.AreEqual("ct", new ViewerChoice("ct", false).ResolveZone("America/Los_Angeles").Code, "a chosen zone ignores the browser");
    }
}
