
namespace XmlShred.Cli.Commands;

/// <summary>The one exit-code table every command honours; shown by <c>xmlshred --help</c> and docs/cli.md.</summary>
internal static class ExitCodeTable
{
    public static readonly IReadOnlyList<(int Code, string Meaning)> Rows =
    [
        (ExitCodes.Success, "success"),
        (ExitCodes.UnexpectedError, "unexpected error: a database, network or disk failure, or a bug (the message says which)"),
        (ExitCodes.UsageError, "usage or configuration error: a bad option value, a missing input file, an invalid contract, a missing schema (run `xmlshred init` first)"),
        (ExitCodes.SomeApplicationsFailed, "finished, but some applications or documents failed or were rejected (run: see `xmlshred failures`; map: rejected documents; load: skipped files; contract lint --strict: warnings)"),
        (ExitCodes.Interrupted, "interrupted by Ctrl+C after draining: rerun the same command to continue"),
    ];

    public static string Text => "Exit codes (every command):\n" + string.Join('\n', Rows.Select(r => $"  {r.Code,3}  {r.Meaning}"));
}
