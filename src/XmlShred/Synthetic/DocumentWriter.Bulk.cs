namespace XmlShred.Synthetic;

internal sealed partial class DocumentWriter
{
    private static readonly string[] s_accountTypes = ["REVOLVING", "INSTALLMENT", "MORTGAGE", "OPEN", "COLLECTION"];
    private static readonly string[] s_actions = ["CREATED", "SCORED", "BUREAU_PULL", "REVIEW", "DECISION", "NOTE", "LETTER_SENT", "STATUS_CHANGE"];
    /// <summary>Typical length of one tradeline element (measured), to turn a byte budget into a count.</summary>
    private const int TradelineChars = 215;

    private static readonly string[] s_users = ["SYSTEM", "jdoe", "mlee", "UW_QUEUE", "batch01", "akhan"];

    /// <summary>
    /// One to three bureau pulls; their tradelines take most of the size budget left after the mapped sections
    /// (the rest goes to journals). Only the last pull's summary attributes are mapped.
    /// </summary>
    private void WriteBureauReports()
    {
        var pulls = _rng.Weighted(("1", 75), ("2", 20), ("3", 5))[0] - '0';
        var budgetEnd = _xml.Length + (int)(Math.Max(0, Remaining) * (0.5 + (_rng.NextDouble() * 0.3)));
        for (var p = 0; p < pulls; p++)
        {
            var pullEnd = _xml.Length + ((budgetEnd - _xml.Length) / (pulls - p));
            var report = _xml.Start("bureau_report")
                .Attr("bureau", _rng.Weighted(("TU", 40), ("EQ", 35), ("EX", 25)))
                .Attr("pulled_at", FakeData.Date(_rng, _received.AddMinutes(p * 11 + 2), withTime: true))
                .Attr("inquiries_6m", _rng.Next(0, 9))
                .Attr("legacy_tier", _rng.Weighted(("A", 25), ("B", 30), ("C", 20), ("NULL", 5), ("None", 5), ("", 15)));
            // decide the count up front so the summary attribute is true; journals absorb the size error
            var tradelines = Math.Max(0, (pullEnd - _xml.Length) / TradelineChars);
            report.Attr("tradeline_count", _rng.Chance(0.1) ? "" : tradelines.ToString());
            report.Open();
            for (var t = 0; t < tradelines; t++) WriteTradeline();
            _xml.End("bureau_report");
        }
    }

    private void WriteTradeline()
    {
        var opened = _received.Date.AddDays(-_rng.Next(60, 365 * 25));
        var limit = _rng.Next(5, 500) * 100;
        var history = string.Create(24, _rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = r.Next(12) switch { 0 => '1', 1 => 'X', _ => 'C' };
        });
        _xml.Start("tradeline")
            .Attr("creditor", _rng.Pick(FakeData.Creditors))
            .Attr("account_type", _rng.Pick(s_accountTypes))
            .Attr("opened", opened.ToString("MM/dd/yyyy"))
            .Attr("credit_limit", limit)
            .Attr("balance", _rng.Next(0, limit + 1))
            .Attr("status", _rng.Weighted(("CURRENT", 80), ("30DPD", 8), ("CLOSED", 10), ("CHARGEOFF", 2)))
            .Attr("pay_history", history)
            .Attr("last_reported", _received.Date.AddDays(-_rng.Next(1, 90)).ToString("yyyy-MM-dd"))
            .Empty();
    }

    /// <summary>Workflow journal: fills the document up to its target size.</summary>
    private void WriteJournals()
    {
        _xml.Start("Journals").Open();
        var seq = 0;
        var at = _received;
        do
        {
            at = at.AddSeconds(_rng.Next(1, 7200));
            _xml.Start("Journal")
                .Attr("seq", ++seq)
                .Attr("ts", at.ToString("yyyy-MM-ddTHH:mm:ss.fff"))
                .Attr("user", _rng.Pick(s_users))
                .Attr("action", _rng.Pick(s_actions))
                .Attr("note", _rng.Chance(0.3) ? $"queue {_rng.Next(1, 40)} -> {_rng.Next(1, 40)}; ref {FakeData.Token(_rng, 12)}" : "")
                .Empty();
        }
        while (Remaining > 0);
        _xml.End("Journals");
    }
}
