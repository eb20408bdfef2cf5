using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Tests.Data.Games;

/// <summary>
/// The NOTIFY payload and cache tag are one string both processes must write alike, whatever culture each runs under:
/// cultures with another default calendar (Umm al-Qura, Persian, Thai Buddhist) or other native digits must not leak in.
/// </summary>
[TestClass]
public sealed class GameChangesTests
{
    private static readonly DateOnly Day = new(2025, 2, 4);

    public static IEnumerable<object[]> Cultures =>
    [
        ["ar-SA", typeof(UmAlQuraCalendar)],
        ["fa-IR", typeof(PersianCalendar)],
        ["th-TH", typeof(ThaiBuddhistCalendar)],
        ["en-US", typeof(GregorianCalendar)],
    ];

    private static T Under<T>(string name, Type calendar, Func<T> act)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        Assert.IsInstanceOfType(culture.Calendar, calendar, $"precondition: {name} writes dates in its own calendar, or the test proves nothing");
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cultures))]
    public void The_tag_is_the_league_slug_and_the_Gregorian_date_in_ASCII_digits_under_any_culture(string culture, Type calendar)
    {
        var tag = Under(culture, calendar, () => GameChanges.Tag("mens-college-basketball", Day));

        Assert.AreEqual("mens-college-basketball:2025-02-04", tag, $"the payload written under {culture}");
    }

    [TestMethod]
    [DynamicData(nameof(Cultures))]
    public void A_tag_reads_back_to_its_league_and_date_under_any_culture(string culture, Type calendar)
    {
        var days = new[] { new DateOnly(2000, 1, 1), Day, new DateOnly(2024, 11, 30), new DateOnly(2099, 12, 31) };

        var read = Under(culture, calendar, () => days.Select(d =>
            GameChanges.TryParse(GameChanges.Tag("womens-college-basketball", d), out var league, out var date) ? (league, date) : default).ToList());

        CollectionAssert.AreEqual(days.Select(d => ("womens-college-basketball", d)).ToList(), read, $"round trip under {culture}");
    }

    [TestMethod]
    public void The_date_in_a_culture_s_own_format_is_not_the_contract_s()
    {
        // What the Worker's payload used to be: the current culture's calendar (ar-SA: 1446-08-06 for 2025-02-04).
        var cultureFormatted = Under("ar-SA", typeof(UmAlQuraCalendar), () => $"mens-college-basketball:{Day:yyyy-MM-dd}");

        Assert.AreNotEqual(GameChanges.Tag("mens-college-basketball", Day), cultureFormatted, "precondition: ar-SA formats another year");
        Assert.IsTrue(GameChanges.TryParse(cultureFormatted, out _, out var misread) is false || misread != Day, "such a payload never names the right day");
    }

    [TestMethod]
    [DataRow("mens-college-basketball:٢٠٢٥-٠٢-٠٤")]
    [DataRow("mens-college-basketball:۲۰۲۵-۰۲-۰۴")]
    [DataRow("mens-college-basketball:2025-2-4")]
    [DataRow("mens-college-basketball:04/02/2025")]
    [DataRow("mens-college-basketball")]
    [DataRow(":2025-02-04")]
    [DataRow("site")]
    [DataRow("")]
    [DataRow(null)]
    public void Anything_but_a_tag_as_written_is_not_read_as_one(string? payload) =>
        Assert.IsFalse(GameChanges.TryParse(payload, out _, out _), $"'{payload}' is not a league-day tag");

    [TestMethod]
    public void The_channel_is_the_one_the_Worker_notifies_and_the_Web_listens_on() =>
        Assert.AreEqual("gamepulse_games", GameChanges.Channel, "changing it needs both processes deployed together");
}
