namespace XmlShred.Values;

/// <summary>
/// The date/time grammar of VALUE-5: ISO <c>YYYY-M-D</c> or month-first <c>M/D/YYYY</c>, an optional
/// time (<c>T</c> or spaces, <c>H:m[:s[.fraction]]</c>, optional AM/PM) and an optional offset that is
/// validated and then dropped. Hand-written because it runs for every date attribute of every document.
/// </summary>
internal static class DateTimeText
{
    private const int MicrosecondDigits = 6;

    /// <summary>Parses the whole trimmed text; anything outside the grammar returns false.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        var s = text.Trim();
        var pos = 0;
        if (!TryReadDate(s, ref pos, out var year, out var month, out var day)) return false;

        int hour = 0, minute = 0, second = 0, microsecond = 0;
        if (pos < s.Length && (s[pos] == 'T' || char.IsWhiteSpace(s[pos])))
        {
            if (!TryReadTime(s, ref pos, out hour, out minute, out second, out microsecond)) return false;
        }

        if (pos < s.Length && !TryReadOffset(s, ref pos)) return false;
        if (pos != s.Length) return false;

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (hour > 23 || minute > 59) return false;
        if (second > 59) second = 59; // leap-second style values 60–99 are clamped, not rejected

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks
                    + microsecond * (TimeSpan.TicksPerMillisecond / 1000);
        value = new DateTime(ticks, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary><c>YYYY-MM-DDTHH:MM:SS</c>, plus <c>.ffffff</c> only when the microseconds are non-zero (OUTPUT-7).</summary>
    public static string ToCanonical(DateTime value) => Format(value, 'T');

    /// <summary>The same layout with a space separator: the text of a DateTime as a string value (VALUE-1 generic string).</summary>
    public static string ToText(DateTime value) => Format(value, ' ');

    private static string Format(DateTime value, char separator)
    {
        var microseconds = (int)(value.Ticks % TimeSpan.TicksPerSecond / 10);
        var length = microseconds == 0 ? 19 : 26;
        return string.Create(length, (value, separator, microseconds), static (span, state) =>
        {
            var (v, sep, micro) = state;
            WriteDigits(span[..4], v.Year);
            span[4] = '-';
            WriteDigits(span.Slice(5, 2), v.Month);
            span[7] = '-';
            WriteDigits(span.Slice(8, 2), v.Day);
            span[10] = sep;
            WriteDigits(span.Slice(11, 2), v.Hour);
            span[13] = ':';
            WriteDigits(span.Slice(14, 2), v.Minute);
            span[16] = ':';
            WriteDigits(span.Slice(17, 2), v.Second);
            if (span.Length > 19)
            {
                span[19] = '.';
                WriteDigits(span.Slice(20, 6), micro);
            }
        });
    }

    private static void WriteDigits(Span<char> target, int number)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + number % 10);
            number /= 10;
        }
    }

    // date = YYYY "-" M "-" D | M "/" D "/" YYYY
    private static bool TryReadDate(ReadOnlySpan<char> s, ref int pos, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var first = ReadNumber(s, ref pos, 4, out var firstValue);
        if (first == 4 && Accept(s, ref pos, '-'))
        {
            year = firstValue;
            return ReadNumber(s, ref pos, 2, out month) > 0 && Accept(s, ref pos, '-')
                && ReadNumber(s, ref pos, 2, out day) > 0;
        }

        if (first is < 1 or > 2 || !Accept(s, ref pos, '/')) return false;
        month = firstValue;
        return ReadNumber(s, ref pos, 2, out day) > 0 && Accept(s, ref pos, '/')
            && ReadNumber(s, ref pos, 4, out year) == 4;
    }

    // ( "T" | spaces ) H ":" m [ ":" s [ "." fraction ] ] [ spaces ( "AM" | "PM" ) ]
    private static bool TryReadTime(ReadOnlySpan<char> s, ref int pos, out int hour, out int minute, out int second, out int microsecond)
    {
        minute = second = microsecond = 0;
        if (s[pos] == 'T') pos++;
        else SkipWhiteSpace(s, ref pos);

        if (ReadNumber(s, ref pos, 2, out hour) == 0 || !Accept(s, ref pos, ':')) return false;
        if (ReadNumber(s, ref pos, 2, out minute) == 0) return false;
        if (Accept(s, ref pos, ':'))
        {
            if (ReadNumber(s, ref pos, 2, out second) == 0) return false;
            if (Accept(s, ref pos, '.') && !TryReadFraction(s, ref pos, out microsecond)) return false;
        }

        if (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            SkipWhiteSpace(s, ref pos);
            return TryApplyMeridiem(s, ref pos, ref hour);
        }
        return true;
    }

    private static bool TryApplyMeridiem(ReadOnlySpan<char> s, ref int pos, ref int hour)
    {
        if (pos + 2 > s.Length || (s[pos + 1] | 0x20) != 'm') return false;
        var marker = s[pos] | 0x20;
        if (marker != 'a' && marker != 'p') return false;
        if (hour is < 1 or > 12) return false;
        pos += 2;
        hour %= 12;
        if (marker == 'p') hour += 12;
        return true;
    }

    // 1+ digits, truncated to microseconds and right-padded.
    private static bool TryReadFraction(ReadOnlySpan<char> s, ref int pos, out int microsecond)
    {
        microsecond = 0;
        var digits = 0;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            if (digits < MicrosecondDigits) microsecond = microsecond * 10 + (s[pos] - '0');
            digits++;
            pos++;
        }
        for (var i = digits; i < MicrosecondDigits; i++) microsecond *= 10;
        return digits > 0;
    }

    // offset = "Z" | ("+" | "-") hh [":"] mm, validated then dropped (the wall-clock time is kept).
    private static bool TryReadOffset(ReadOnlySpan<char> s, ref int pos)
    {
        if (s[pos] == 'Z')
        {
            pos++;
            return true;
        }
        if (s[pos] != '+' && s[pos] != '-') return false;
        pos++;
        if (ReadNumber(s, ref pos, 2, out var hours) != 2) return false;
        Accept(s, ref pos, ':');
        if (ReadNumber(s, ref pos, 2, out var minutes) != 2) return false;
        return hours <= 23 && minutes <= 59;
    }

    // Reads up to maxDigits ASCII digits; returns how many were read.
    private static int ReadNumber(ReadOnlySpan<char> s, ref int pos, int maxDigits, out int value)
    {
        value = 0;
        var count = 0;
        while (count < maxDigits && pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            value = value * 10 + (s[pos] - '0');
            pos++;
            count++;
        }
        return count;
    }

    private static bool Accept(ReadOnlySpan<char> s, ref int pos, char expected)
    {
        if (pos >= s.Length || s[pos] != expected) return false;
        pos++;
        return true;
    }

    private static void SkipWhiteSpace(ReadOnlySpan<char> s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
    }
}
