using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GamePulse.Tests.Support;

/// <summary>
/// The metric filters and saved Logs Insights queries of infrastructure/logs.tf, applied to real log lines as CloudWatch
/// applies them: a JSON filter pattern ({ $.a.b = "x*" } joined by &amp;&amp; / || with parentheses, string equality
/// with '*' wildcards, numeric comparisons) matches an event or not; a query's Properties.* fields exist on it or not.
/// Only the part of CloudWatch's syntax that logs.tf uses is understood; anything else fails the test loudly.
/// </summary>
public static partial class CloudWatchLogFilters
{
    private static readonly Lazy<string> Terraform = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infrastructure", "logs.tf")));

    /// <summary>The pattern of resource "aws_cloudwatch_log_metric_filter" "<paramref name="name"/>" (a local resolved).</summary>
    public static string MetricFilterPattern(string name)
    {
        var resource = Regex.Match(Terraform.Value, $"resource \"aws_cloudwatch_log_metric_filter\" \"{Regex.Escape(name)}\" \\{{.*?\\n  pattern\\s*=\\s*(?<value>[^\\n]+)", RegexOptions.Singleline);
        Assert.IsTrue(resource.Success, $"logs.tf has a metric filter {name}");
        var value = resource.Groups["value"].Value.Trim();
        if (value.StartsWith("local.", StringComparison.Ordinal))
        {
            var local = Regex.Match(Terraform.Value, $"\\n  {Regex.Escape(value["local.".Length..])}\\s*=\\s*(?<value>[^\\n]+)");
            Assert.IsTrue(local.Success, $"logs.tf defines {value}");
            value = local.Groups["value"].Value.Trim();
        }

        return JsonSerializer.Deserialize<string>(value)!; // an HCL string literal with \" escapes reads as a JSON string
    }

    public static bool Matches(string pattern, JsonElement line)
    {
        var tokens = Token().Matches(pattern).Select(m => m.Value).ToList();
        Assert.AreEqual(Regex.Replace(pattern, @"\s", ""), string.Concat(tokens).Replace(" ", "", StringComparison.Ordinal), $"every part of {pattern} is understood");
        Assert.IsTrue(tokens is ["{", .., "}"], $"{pattern} is a JSON pattern");
        var parser = new Parser(tokens[1..^1], line);
        var matched = parser.Or();
        Assert.IsTrue(parser.AtEnd, $"{pattern} was read to its end");
        return matched;
    }

    /// <summary>The Properties.X fields a saved query reads that the line lacks (none, for a line the query was meant for).</summary>
    public static IReadOnlyList<string> MissingQueryFields(string query, JsonElement line) =>
        [.. QueryProperty().Matches(query).Select(m => m.Groups[1].Value).Distinct()
            .Where(name => !line.TryGetProperty("Properties", out var properties) || !properties.TryGetProperty(name, out _))];

    /// <summary>Whether the line passes the query's `MessageTemplate like /regex/` filter.</summary>
    public static bool PassesTemplateFilter(string query, JsonElement line)
    {
        var like = TemplateLike().Match(query);
        Assert.IsTrue(like.Success, "the query filters on MessageTemplate like /.../");
        return Regex.IsMatch(line.GetProperty("MessageTemplate").GetString()!, like.Groups[1].Value);
    }

    private sealed class Parser(List<string> tokens, JsonElement line)
    {
        private int next;

        public bool AtEnd => next == tokens.Count;

        public bool Or()
        {
            var result = And();
            while (!AtEnd && tokens[next] == "||")
            {
                next++;
                result |= And();
            }

            return result;
        }

        private bool And()
        {
            var result = Comparison();
            while (!AtEnd && tokens[next] == "&&")
            {
                next++;
                result &= Comparison();
            }

            return result;
        }

        private bool Comparison()
        {
            if (tokens[next] == "(")
            {
                next++;
                var inner = Or();
                Assert.AreEqual(")", tokens[next++], "parentheses close");
                return inner;
            }

            var selector = tokens[next++];
            var op = tokens[next++];
            var value = tokens[next++];
            Assert.StartsWith("$.", selector, "a comparison starts with a selector");
            return Select(selector) is { } element && Compare(element, op, value);
        }

        private JsonElement? Select(string selector)
        {
            var element = line;
            foreach (var name in selector[2..].Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            return element;
        }

        private static bool Compare(JsonElement element, string op, string value)
        {
            if (value.StartsWith('"'))
            {
                Assert.IsTrue(op is "=" or "!=", $"strings compare with = or != ({op})");
                var wildcard = "^" + string.Join(".*", value[1..^1].Split('*').Select(Regex.Escape)) + "$";
                var equal = element.ValueKind == JsonValueKind.String && Regex.IsMatch(element.GetString()!, wildcard, RegexOptions.Singleline);
                return op == "=" ? equal : !equal;
            }

            if (element.ValueKind != JsonValueKind.Number)
            {
                return false;
            }

            var left = element.GetDouble();
            var right = double.Parse(value, CultureInfo.InvariantCulture);
            return op switch
            {
                "=" => left == right,
                "!=" => left != right,
                "<" => left < right,
                "<=" => left <= right,
                ">" => left > right,
                ">=" => left >= right,
                _ => throw new AssertFailedException($"unknown operator {op}"),
            };
        }
    }

    [GeneratedRegex("""\{|\}|\(|\)|&&|\|\||!=|>=|<=|=|<|>|\$(?:\.[A-Za-z0-9_@]+)+|"(?:[^"\\]|\\.)*"|-?[0-9]+(?:\.[0-9]+)?""")]
    private static partial Regex Token();

    [GeneratedRegex(@"Properties\.([A-Za-z0-9_]+)")]
    private static partial Regex QueryProperty();

    [GeneratedRegex(@"MessageTemplate like /([^/]+)/")]
    private static partial Regex TemplateLike();
}
