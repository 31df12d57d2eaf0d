using System.CommandLine;
using XmlShred.Cli;

namespace XmlShred.Tests.Cli;

/// <summary>
/// Runs the real command tree in-process with captured output, through the same invocation path as <c>Main</c>
/// (configuration layering, friendly parse errors), but without the machine's XMLSHRED_* environment variables.
/// </summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    /// <summary>As <see cref="Run"/>, with <paramref name="workingDirectory"/> as where xmlshred.json is looked for.</summary>
    public static (int ExitCode, string Output, string Error) RunIn(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliInvocation.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, workingDirectory, readEnvironment: false)
            .GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }
}
