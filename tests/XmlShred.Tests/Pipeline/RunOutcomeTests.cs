using XmlShred.Cli.Commands;
using XmlShred.Pipeline;

namespace XmlShred.Tests.Pipeline;

/// <summary>The library says how a run ended; only the CLI turns that into an exit code.</summary>
public sealed class RunOutcomeTests
{
    private static RunSummary Summary(long failed = 0, bool interrupted = false, string? stoppedBy = null) => new()
    {
        RunId = "r",
        Mode = PipelineMode.Queued,
        Read = 10,
        Succeeded = 10 - failed,
        Failed = failed,
        RowsWritten = 0,
        Elapsed = TimeSpan.FromSeconds(1),
        Interrupted = interrupted,
        FailuresByStage = new Dictionary<string, long>(),
        FailureExamples = [],
        StoppedBy = stoppedBy,
    };

    [Fact]
    public void AnOutageStopOutranksAnInterruptionWhichOutranksFailedApplications()
    {
        Assert.Equal(RunOutcome.AllSucceeded, Summary().Outcome);
        Assert.Equal(RunOutcome.SomeApplicationsFailed, Summary(failed: 2).Outcome);
        Assert.Equal(RunOutcome.Interrupted, Summary(failed: 2, interrupted: true).Outcome);
        Assert.Equal(RunOutcome.StoppedByOutage, Summary(failed: 2, interrupted: true, stoppedBy: "database unavailable").Outcome);
    }

    [Theory]
    [InlineData(RunOutcome.AllSucceeded, 0)]
    [InlineData(RunOutcome.SomeApplicationsFailed, 3)]
    [InlineData(RunOutcome.Interrupted, 130)]
    [InlineData(RunOutcome.StoppedByOutage, 1)]
    public void TheCliMapsEachOutcomeToItsDocumentedExitCode(RunOutcome outcome, int exitCode)
    {
        Assert.Equal(exitCode, ExitCodes.Of(outcome));
        Assert.Contains(ExitCodeTable.Rows, row => row.Code == exitCode);
    }
}
