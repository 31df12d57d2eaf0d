using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace XmlShred.Cli.Commands;

/// <summary>
/// Numeric options checked when the command line is parsed, so a bad value is reported with the flag's name (and,
/// through <see cref="CliInvocation"/>, where a configured value came from) before any library setting is built.
/// The library's own checks name its settings, never a flag.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An option whose value must be a finite number above 0 and at most <paramref name="max"/>.</summary>
    public static Option<T> Positive<T>(string name, string description, T defaultValue, T? max = null, params string[] aliases) where T : struct, INumber<T>
    {
        var option = new Option<T>(name, aliases) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result => Check(result, name, inclusive: false, max));
        return option;
    }

    /// <summary>Like <see cref="Positive{T}"/> for an option that may be left out (no value: no limit).</summary>
    public static Option<T?> OptionalPositive<T>(string name, string description) where T : struct, INumber<T>
    {
        var option = new Option<T?>(name) { Description = description };
        option.Validators.Add(result => Check<T>(result, name, inclusive: false, max: null));
        return option;
    }

    /// <summary>An option whose value must be a finite number of 0 or more and at most <paramref name="max"/>.</summary>
    public static Option<T> NonNegative<T>(string name, string description, T defaultValue, T? max = null) where T : struct, INumber<T>
    {
        var option = new Option<T>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result => Check(result, name, inclusive: true, max));
        return option;
    }

    /// <summary>The most seconds a duration option may take: <see cref="TimeSpan"/> overflows beyond, with room for sums.</summary>
    public static double MaxSeconds => TimeSpan.MaxValue.TotalSeconds / 2;

    /// <remarks>
    /// Reads the token itself: System.CommandLine runs validators even after the conversion failed, and then asking
    /// for the value throws. A token that is no number is left to the parser's own error; a default is trusted.
    /// </remarks>
    private static void Check<T>(OptionResult result, string name, bool inclusive, T? max) where T : struct, INumber<T>
    {
        if (result.Tokens.Count == 0 || !T.TryParse(result.Tokens[^1].Value, CultureInfo.InvariantCulture, out var value)) return;
        var shown = value.ToString(null, CultureInfo.InvariantCulture);
        if (!T.IsFinite(value)) result.AddError($"{name} must be a finite number (got {shown})");
        else if (inclusive ? value < T.Zero : value <= T.Zero) result.AddError($"{name} must be {(inclusive ? "0 or more" : "more than 0")} (got {shown})");
        else if (max is { } most && value > most) result.AddError($"{name} must be at most {most.ToString(null, CultureInfo.InvariantCulture)} (got {shown})");
    }
}
