using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

/// <summary>The library names its own settings; flags are the CLI's business (it checks them when parsing).</summary>
public sealed class RunOptionsValidationTests
{
    public static TheoryData<string, RunOptions> OutOfRange => new()
    {
        { "Workers", new RunOptions { Workers = 0 } },
        { "BatchSize", new RunOptions { BatchSize = 0 } },
        { "PageSize", new RunOptions { PageSize = -1 } },
        { "QueueSize", new RunOptions { QueueSize = 0 } },
        { "MemoryBudget", new RunOptions { MemoryBudget = 0 } },
        { "Selection.Limit", new RunOptions { Selection = new SourceSelection { Limit = 0 } } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AnOutOfRangeSetting_IsNamedByItsProperty(string setting, RunOptions options)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(setting, error.ParamName);
        Assert.StartsWith($"RunOptions.{setting} must be at least 1", error.Message);
        Assert.DoesNotContain("--", error.Message);
    }

    [Fact]
    public void AnInvertedAppIdRange_NamesBothEnds()
    {
        var error = Assert.Throws<ArgumentException>(new RunOptions { Selection = new SourceSelection { AppIdStart = 9, AppIdEnd = 5 } }.Validate);
        Assert.StartsWith("RunOptions.Selection.AppIdStart (9) must not exceed Selection.AppIdEnd (5)", error.Message);
        new RunOptions().Validate();
    }
}
