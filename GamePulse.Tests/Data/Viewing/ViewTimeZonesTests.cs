using GamePulse.Data.Viewing;

namespace GamePulse.Tests.Data.Viewing;

/// <summary>The zones a viewer can choose, the browser names they map from, and the times they write.</summary>
[TestClass]
public sealed class ViewTimeZonesTests
{
    /// <summary>8:10 PM ET on Saturday, March 8, 2025 (standard time everywhere, the day before daylight saving starts).</summary>
    private static readonly DateTimeOffset TipOff = new(2025, 3, 9, 1, 10, 0, TimeSpan.Zero);

    /// <summary>7:00 PM ET on Thursday, March 20, 2025: daylight saving time, when Arizona and Denver differ.</summary>
    private static readonly DateTimeOffset MarchMadness = new(2025, 3, 20, 23, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [DataRow("et", "America/New_York", "ET")]
    [DataRow("ct", "America/Chicago", "CT")]
    [DataRow("mt", "America/Denver", "MT")]
    [DataRow("az", "America/Phoenix", "MST")]
    [DataRow("pt", "America/Los_Angeles", "PT")]
    [DataRow("akt", "America/Anchorage", "AKT")]
    [DataRow("ht", "Pacific/Honolulu", "HT")]
    public void Each_code_names_its_IANA_zone_and_abbreviation(string code, string iana, string abbreviation)
    {
        var zone = ViewTimeZones.Find(code);

        Assert.IsNotNull(zone, $"{code} is offered");
        Assert.AreEqual(iana, zone.IanaId, $"{code}: IANA zone");
        Assert.AreEqual(abbreviation, zone.Abbreviation, $"{code}: abbreviation");
        Assert.AreSame(zone, ViewTimeZones.FromIana(iana), $"the browser name {iana} maps back to {code}");
    }

    [TestMethod]
    [DataRow("America/Detroit", "et")]
    [DataRow("America/Indiana/Indianapolis", "et")]
    [DataRow("America/Indiana/Knox", "ct")]
    [DataRow("America/Boise", "mt")]
    [DataRow("America/Juneau", "akt")]
    [DataRow("US/Pacific", "pt")]
    public void Zones_that_keep_a_US_zones_clock_map_to_it(string iana, string code)
    {
        var zone = ViewTimeZones.FromIana(iana);

        Assert.IsNotNull(zone, $"{iana} maps to a zone");
        Assert.AreEqual(code, zone.Code, $"{iana}");
    }

    [TestMethod]
    [DataRow("Europe/London")]
    [DataRow("America/Puerto_Rico")]
    [DataRow("")]
    [DataRow(null)]
    [DataRow("America/New_York/../../etc/passwd")]
    public void Anything_else_maps_to_no_zone(string? iana)
    {
        Assert.IsNull(ViewTimeZones.FromIana(iana), $"\"{iana}\" is not offered (automatic then shows Eastern)");
    }

    [TestMethod]
    [DataRow("ET")]
    [DataRow("utc")]
    [DataRow("America/Los_Angeles")]
    [DataRow("")]
    public void Only_the_exact_codes_are_zones(string code)
    {
        Assert.IsNull(ViewTimeZones.Find(code), $"\"{code}\"");
        Assert.IsFalse(ViewTimeZones.IsChoice(code), $"\"{code}\" is not a choice either");
        Assert.IsTrue(ViewTimeZones.IsChoice(ViewTimeZones.Automatic), "auto is a choice");
    }

    [TestMethod]
    public void A_variant_converts_with_its_zones_offset_daylight_saving_included()
    {
        string Local(string code, DateTimeOffset instant) => new ViewVariant(ViewTimeZones.Find(code)!, false).Local(instant).ToString("HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);

        Assert.AreEqual("17:10 -08:00", Local("pt", TipOff), "PT in standard time");
        Assert.AreEqual("15:10 -10:00", Local("ht", TipOff), "Hawaii");
        Assert.AreEqual("18:10 -07:00", Local("mt", TipOff), "Denver and Phoenix agree in winter");
        Assert.AreEqual("18:10 -07:00", Local("az", TipOff), "Phoenix in winter");
        Assert.AreEqual("17:00 -06:00", Local("mt", MarchMadness), "Denver on daylight saving time");
        Assert.AreEqual("16:00 -07:00", Local("az", MarchMadness), "Phoenix keeps standard time: an hour behind Denver in March");
    }

    [TestMethod]
    public void The_variant_key_names_zone_and_mode_and_the_default_is_eastern_with_scores()
    {
        Assert.AreEqual("et", ViewVariant.Default.Key, "default key");
        Assert.IsTrue(ViewVariant.Default.IsDefault, "default");
        Assert.AreEqual("pt.hide", new ViewVariant(ViewTimeZones.Find("pt")!, true).Key, "PT spoiler-free");
        Assert.IsFalse(new ViewVariant(ViewTimeZones.Eastern, true).IsDefault, "spoiler-free Eastern is not the default");
        Assert.AreEqual(ViewTimeZones.All.Count, ViewTimeZones.All.Select(z => new ViewVariant(z, false).Key).Distinct().Count(), "one key per zone");
        foreach (var variant in ViewTimeZones.All.SelectMany(z => new[] { new ViewVariant(z, false), new ViewVariant(z, true) }))
        {
            Assert.AreEqual(variant, ViewVariant.FromKey(variant.Key), $"{variant.Key} reads back");
        }

        foreach (var junk in new[] { null, "", "ET", "pt.show", "pt.hide.hide", ".hide", "auto" })
        {
            Assert.IsNull(ViewVariant.FromKey(junk), $"\"{junk}\" is no key");
        }
    }
}
