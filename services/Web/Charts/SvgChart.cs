using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PanelPlatform.Web.Charts;

/// <summary>One set of values across a chart's categories; a null value is missing (no data), which is not 0.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Second = false);

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no chart library, nothing the site's CSP forbids (colours
/// and type come from site.css classes). Each is one image to assistive technology — <c>role="img"</c> named by its
/// <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c> — and the page puts the same numbers in a table.
/// A missing value is drawn as "no data", never as a zero-height bar, so a gap cannot be read as nothing happening.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 320;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 56;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Vertical bars, one group per category; two series side by side, or stacked.</summary>
    public static IHtmlContent Bars(
        string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        Func<decimal, string> format, bool stacked = false, decimal? fixedMaximum = null)
    {
        var svg = Open(id, title, description);
        var plotWidth = Width - Left - Right;
        var totals = categories.Select((_, i) => stacked
            ? series.Sum(s => s.Values[i] ?? 0m)
            : series.Max(s => s.Values[i] ?? 0m)).ToList();
        var maximum = fixedMaximum ?? NiceCeiling(totals.Count == 0 ? 0m : totals.Max());
        Axes(svg, maximum, format);
        var band = categories.Count == 0 ? plotWidth : (double)plotWidth / categories.Count;
        var groupWidth = band * 0.7;
        var barWidth = stacked ? groupWidth : groupWidth / Math.Max(1, series.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var x0 = Left + (band * i) + ((band - groupWidth) / 2);
            var allMissing = series.All(s => s.Values[i] is null);
            if (allMissing)
            {
                Missing(svg, x0 + (groupWidth / 2), categories[i]);
            }
            else
            {
                var stackBase = 0m;
                for (var s = 0; s < series.Count; s++)
                {
                    var value = series[s].Values[i];
                    var x = stacked ? x0 : x0 + (barWidth * s);
                    if (value is not { } v)
                    {
                        if (!stacked)
                        {
                            Missing(svg, x + (barWidth / 2), categories[i]);
                        }

                        continue;
                    }

                    var from = Y(stackBase, maximum);
                    var to = Y(stackBase + v, maximum);
                    var barClass = series[s].Second ? "site-chart__bar site-chart__bar--second" : "site-chart__bar";
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{barClass}\" x=\"{N(x)}\" y=\"{N(to)}\" width=\"{N(Math.Max(1, barWidth - 2))}\" height=\"{N(Math.Max(0, from - to))}\">")
                        .Append(CultureInfo.InvariantCulture, $"<title>{E(categories[i])}: {E(series[s].Name)} {E(format(v))}</title></rect>");
                    if (stacked)
                    {
                        stackBase += v;
                    }
                }
            }

            Category(svg, Left + (band * i) + (band / 2), categories[i], categories.Count);
        }

        return Close(svg);
    }

    /// <summary>A line across the categories, broken where a value is missing (each missing one marked "no data").</summary>
    public static IHtmlContent Line(
        string id, string title, string description, IReadOnlyList<string> categories, ChartSeries series, Func<decimal, string> format)
    {
        var svg = Open(id, title, description);
        var plotWidth = Width - Left - Right;
        var known = series.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var maximum = NiceCeiling(known.Count == 0 ? 0m : known.Max());
        Axes(svg, maximum, format);
        var band = categories.Count == 0 ? plotWidth : (double)plotWidth / categories.Count;
        var run = new List<(double X, double Y)>();
        void Flush()
        {
            if (run.Count > 1)
            {
                svg.Append("<polyline class=\"site-chart__line\" points=\"")
                    .AppendJoin(' ', run.Select(p => $"{N(p.X)},{N(p.Y)}"))
                    .Append("\" />");
            }

            run.Clear();
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var x = Left + (band * i) + (band / 2);
            if (series.Values[i] is { } value)
            {
                var y = Y(value, maximum);
                run.Add((x, y));
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"site-chart__point\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\"><title>{E(categories[i])}: {E(format(value))}</title></circle>");
            }
            else
            {
                Flush();
                Missing(svg, x, categories[i]);
            }

            Category(svg, x, categories[i], categories.Count);
        }

        Flush();
        return Close(svg);
    }

    /// <summary>Horizontal bars, one a row, for categories with long names (the county's areas).</summary>
    public static IHtmlContent HorizontalBars(
        string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<decimal?> values, Func<decimal, string> format)
    {
        const int labelWidth = 170;
        const int row = 30;
        var height = Top + (row * categories.Count) + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"site-chart\" id=\"{E(id)}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{E(id)}-title\" aria-describedby=\"{E(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var maximum = NiceCeiling(known.Count == 0 ? 0m : known.Max());
        var plotWidth = Width - labelWidth - Right - 80;
        var bottom = Top + (row * categories.Count);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"site-chart__axis\" x1=\"{labelWidth}\" y1=\"{Top}\" x2=\"{labelWidth}\" y2=\"{bottom}\" />");
        for (var i = 0; i < categories.Count; i++)
        {
            var y = Top + (row * i);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"site-chart__label\" x=\"{labelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\">{E(categories[i])}</text>");
            if (values[i] is { } value)
            {
                var length = maximum == 0 ? 0 : (double)(value / maximum) * plotWidth;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"site-chart__bar\" x=\"{labelWidth + 1}\" y=\"{y + 5}\" width=\"{N(length)}\" height=\"{row - 10}\"><title>{E(categories[i])}: {E(format(value))}</title></rect>")
                    .Append(CultureInfo.InvariantCulture, $"<text class=\"site-chart__label\" x=\"{N(labelWidth + 6 + length)}\" y=\"{y + 19}\">{E(format(value))}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"site-chart__label site-chart__label--missing\" x=\"{labelWidth + 6}\" y=\"{y + 19}\">no data</text>");
            }
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A round number at or above <paramref name="value"/> (1, 2 or 5 times a power of ten), for the axis.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (value <= step * magnitude)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static StringBuilder Open(string id, string title, string description) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"site-chart\" id=\"{E(id)}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{E(id)}-title\" aria-describedby=\"{E(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");

    private static IHtmlContent Close(StringBuilder svg) => new HtmlString(svg.Append("</svg>").ToString());

    private static void Axes(StringBuilder svg, decimal maximum, Func<decimal, string> format)
    {
        var bottom = Height - Bottom;
        for (var step = 0; step <= 4; step++)
        {
            var value = maximum * step / 4;
            var y = Y(value, maximum);
            if (step > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"site-chart__grid\" x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Width - Right}\" y2=\"{N(y)}\" />");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"site-chart__label site-chart__label--small\" x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{E(format(value))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"site-chart__axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{bottom}\" />")
            .Append(CultureInfo.InvariantCulture, $"<line class=\"site-chart__axis\" x1=\"{Left}\" y1=\"{bottom}\" x2=\"{Width - Right}\" y2=\"{bottom}\" />");
    }

    private static void Missing(StringBuilder svg, double x, string category)
    {
        var bottom = Height - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"site-chart__bar--missing\" x=\"{N(x - 6)}\" y=\"{bottom - 3}\" width=\"12\" height=\"3\"><title>{E(category)}: no data</title></rect>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"site-chart__label site-chart__label--small site-chart__label--missing\" x=\"{N(x + 4)}\" y=\"{bottom - 8}\" transform=\"rotate(-90 {N(x + 4)} {bottom - 8})\">no data</text>");
    }

    private static void Category(StringBuilder svg, double x, string category, int count)
    {
        var y = Height - Bottom + 18;
        // Many categories: the labels are turned so they do not run into each other.
        svg.Append(count > 8
            ? string.Create(Invariant, $"<text class=\"site-chart__label site-chart__label--small\" x=\"{N(x)}\" y=\"{y}\" text-anchor=\"end\" transform=\"rotate(-40 {N(x)} {y})\">{E(category)}</text>")
            : string.Create(Invariant, $"<text class=\"site-chart__label site-chart__label--small\" x=\"{N(x)}\" y=\"{y}\" text-anchor=\"middle\">{E(category)}</text>"));
    }

    private static double Y(decimal value, decimal maximum)
    {
        var plotHeight = Height - Top - Bottom;
        var share = maximum == 0 ? 0 : (double)(value / maximum);
        return Height - Bottom - (Math.Clamp(share, 0, 1) * plotHeight);
    }

    private static string N(double value) => value.ToString("0.#", Invariant);

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
