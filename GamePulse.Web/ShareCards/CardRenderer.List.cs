using System.Globalization;
using SkiaSharp;

namespace GamePulse.Web.ShareCards;

public sealed partial class CardRenderer
{
    private const float RowTop = 175;

    private const float RowHeight = 92;

    /// <summary>A title, a subtitle, the team's emblem on a team card, and one line per game: both teams, scores, state, Pulse.</summary>
    private void DrawList(SKCanvas canvas, ListScene scene, LogoImages images)
    {
        if (scene.Team is { } team)
        {
            Wash(canvas, team.Color, new SKRect(0, 0, Width, Height), fromLeft: false);
            Emblem(canvas, team, Width - 130, 95, 65, images);
        }

        Text(canvas, scene.Title, 60, 88, 46, fonts.Bold, Ink, SKTextAlign.Left, scene.Team is null ? Width - 120 : Width - 300);
        Text(canvas, scene.Subtitle, 60, 132, 28, fonts.Regular, Muted, SKTextAlign.Left, Width - 300);
        if (scene.Rows.Count == 0)
        {
            Text(canvas, "No games", 60, RowTop + 60, 36, fonts.Regular, Muted, SKTextAlign.Left, Width - 120);
        }

        for (var i = 0; i < scene.Rows.Count; i++)
        {
            DrawRow(canvas, scene.Rows[i], RowTop + i * RowHeight, images);
        }
    }

    private void DrawRow(SKCanvas canvas, CardRow row, float top, LogoImages images)
    {
        using var band = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 0x10), IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Create(40, top, Width - 80, RowHeight - 12), 14, 14, band);
        var decided = row.Away.Winner || row.Home.Winner;
        RowSide(canvas, row.Away, 60, top, images, row.ShowScores, decided);
        RowSide(canvas, row.Home, 540, top, images, row.ShowScores, decided);
        Text(canvas, row.State, 120, top + 70, 20, fonts.Regular, Muted, SKTextAlign.Left, 400);
        if (row.Pulse is { } pulse)
        {
            using var fill = new SKPaint { Color = PulseColor(pulse), IsAntialias = true };
            canvas.DrawRoundRect(SKRect.Create(Width - 190, top + 18, 130, 44), 22, 22, fill);
            Text(canvas, $"PULSE {pulse.ToString(CultureInfo.InvariantCulture)}", Width - 125, top + 49, 22, fonts.Bold, Background, SKTextAlign.Center, 116);
        }
    }

    private void RowSide(SKCanvas canvas, CardSide side, float left, float top, LogoImages images, bool showScores, bool decided)
    {
        Emblem(canvas, side, left + 30, top + 40, 26, images);
        var color = decided && !side.Winner ? Muted : Ink;
        Text(canvas, side.Label, left + 70, top + 44, 30, fonts.Bold, color, SKTextAlign.Left, 300);
        if (showScores)
        {
            Text(canvas, Score(side.Score), left + 450, top + 48, 38, fonts.Bold, color, SKTextAlign.Right, 80);
        }
    }
}
